/**
 * Where an email stands. "outbox": kept because no SMTP server is configured (development and tests read
 * it at /settings/outbox); "queued": waiting for the delivery worker; "sent" / "failed" after it tried.
 */
export const emailStatuses = ["outbox", "queued", "sent", "failed"] as const;
export type EmailStatus = (typeof emailStatuses)[number];
