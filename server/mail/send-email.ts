import "server-only";
import { env } from "@/env";
import type { Database } from "@/db/client";
import { queueEmail, type EmailMessage } from "./queue-email";

/** Queues a message under this instance's mail settings (SMTP when configured, the outbox otherwise). */
export function sendEmail(db: Database, message: EmailMessage): Promise<string> {
  return queueEmail(db, message, { smtpConfigured: Boolean(env.SMTP_URL) });
}
