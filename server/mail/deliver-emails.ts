import "server-only";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Database } from "@/db/client";
import { outboundEmails } from "@/db/schema";

export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Sends queued messages. Rows are claimed with SKIP LOCKED, so several instances can run this at once
 * without sending a message twice; a failure is recorded on the row and retried on a later pass until
 * MAX_DELIVERY_ATTEMPTS, then the message is marked failed with the server's answer.
 */
export async function deliverQueuedEmails(
  db: Database,
  transport: Pick<Transporter, "sendMail">,
  options: { from: string; batchSize?: number },
): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  await db.transaction(async (tx) => {
    const batch = await tx
      .select()
      .from(outboundEmails)
      .where(and(eq(outboundEmails.status, "queued"), lt(outboundEmails.attempts, MAX_DELIVERY_ATTEMPTS)))
      .orderBy(asc(outboundEmails.createdAt))
      .limit(options.batchSize ?? 20)
      .for("update", { skipLocked: true });
    for (const email of batch) {
      try {
        await transport.sendMail({
          from: options.from,
          to: email.toAddress,
          subject: email.subject,
          text: email.textBody,
          ...(email.htmlBody ? { html: email.htmlBody } : {}),
        });
        await tx
          .update(outboundEmails)
          .set({ status: "sent", sentAt: sql`now()`, attempts: email.attempts + 1, lastError: null })
          .where(eq(outboundEmails.id, email.id));
        result.sent += 1;
      } catch (error) {
        const attempts = email.attempts + 1;
        await tx
          .update(outboundEmails)
          .set({
            attempts,
            lastError: error instanceof Error ? error.message : String(error),
            status: attempts >= MAX_DELIVERY_ATTEMPTS ? "failed" : "queued",
          })
          .where(eq(outboundEmails.id, email.id));
        result.failed += 1;
      }
    }
  });
  return result;
}
