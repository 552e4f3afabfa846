import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Every setting is validated here; a malformed value fails at
 * start-up with the variable's name.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    // Connections each app instance keeps to DATABASE_URL's server: about the server's cores (or twice
    // that) is usually fastest; more only make the queries that are running compete for them.
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
    DATA_DIR: z.string().default(".data"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    NEXTAUTH_URL: optionalString.pipe(z.url().optional()),
    NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    AUTH_GOOGLE_CLIENT_ID: optionalString,
    AUTH_GOOGLE_CLIENT_SECRET: optionalString,
    AUTH_ENTRA_CLIENT_ID: optionalString,
    AUTH_ENTRA_CLIENT_SECRET: optionalString,
    AUTH_ENTRA_TENANT_ID: optionalString,
    AUTH_OKTA_CLIENT_ID: optionalString,
    AUTH_OKTA_CLIENT_SECRET: optionalString,
    AUTH_OKTA_ISSUER: optionalString.pipe(z.url().optional()),
    // Reverse proxies in front of Baton that append the caller's address to X-Forwarded-For; the per-address
    // sign-in limit reads the address the outermost of them saw, and is off with 0 (no proxy).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    SIGNIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
    SIGNIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
    API_WRITE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(500 * 1024 * 1024),
    // How old a partial upload or an object no file row names must be before the storage sweep removes it.
    STORAGE_SWEEP_GRACE_SECONDS: z.coerce.number().int().min(0).default(3600),
    // How often each worker sends the digests that are due and warns about expiring content.
    NOTIFICATION_SWEEP_SECONDS: z.coerce.number().int().min(1).default(300),
    // "off" on web-only instances when dedicated workers (`npm run worker`) process the job queue.
    JOB_WORKERS: z.enum(["on", "off"]).default("on"),
    // smtp://user:pass@host:587 or smtps://...; without it, mail stays in the outbox at /settings/outbox.
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
        .optional(),
    ),
    MAIL_FROM: z.string().default("Baton <no-reply@baton.localhost>"),
    S3_BUCKET: optionalString,
    S3_REGION: z.string().default("us-east-1"),
    S3_ENDPOINT: optionalString.pipe(z.url().optional()),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    // "on" adds Server-Timing diagnostics to search answers (how many planner estimates came from the
    // cache). Off by default: a reused estimate tells a caller that someone who sees what they see searched
    // the same words in the last minutes.
    SERVER_TIMING: z.enum(["on", "off"]).default("off"),
    S3_FORCE_PATH_STYLE: z
      .enum(["true", "false", ""])
      .default("")
      .transform((v) => v === "true"),
  })
  .superRefine((v, ctx) => {
    const pairs: [string, string | undefined, string | undefined][] = [
      ["AUTH_GOOGLE_CLIENT_SECRET", v.AUTH_GOOGLE_CLIENT_ID, v.AUTH_GOOGLE_CLIENT_SECRET],
      ["AUTH_ENTRA_CLIENT_SECRET", v.AUTH_ENTRA_CLIENT_ID, v.AUTH_ENTRA_CLIENT_SECRET],
      ["AUTH_OKTA_CLIENT_SECRET", v.AUTH_OKTA_CLIENT_ID, v.AUTH_OKTA_CLIENT_SECRET],
    ];
    for (const [name, id, secret] of pairs) {
      if (id && !secret)
        ctx.addIssue({ code: "custom", path: [name], message: "is required with its client id" });
    }
    if (Boolean(v.S3_ACCESS_KEY_ID) !== Boolean(v.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: ["S3_SECRET_ACCESS_KEY"],
        message: "set both S3 keys, or neither",
      });
    }
    if (v.AUTH_OKTA_CLIENT_ID && !v.AUTH_OKTA_ISSUER) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_OKTA_ISSUER"],
        message: "is required with AUTH_OKTA_CLIENT_ID",
      });
    }
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid Baton configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);

export const dataDir = path.resolve(env.DATA_DIR);
