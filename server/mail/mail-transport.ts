import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/env";

let cached: Transporter | undefined;

/** The SMTP transport named by SMTP_URL, or undefined when mail stays in the outbox. */
export function smtpTransport(): Transporter | undefined {
  if (!env.SMTP_URL) return undefined;
  cached ??= nodemailer.createTransport(env.SMTP_URL);
  return cached;
}
