import "server-only";
import type { Database } from "@/db/client";
import { outboundEmails } from "@/db/schema";

export interface EmailMessage {
  workspaceId: string;
  to: string;
  recipientId?: string | null;
  kind: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Records a message to send. Call it inside the transaction of the change that causes the mail, so the
 * mail exists exactly when the change does; the delivery worker sends it after the commit. Without SMTP
 * settings the message stays in the outbox, where developers and tests read it.
 */
export async function queueEmail(
  db: Database,
  message: EmailMessage,
  options: { smtpConfigured: boolean },
): Promise<string> {
  const [row] = await db
    .insert(outboundEmails)
    .values({
      workspaceId: message.workspaceId,
      recipientId: message.recipientId ?? null,
      toAddress: message.to,
      kind: message.kind,
      subject: message.subject,
      textBody: message.text,
      htmlBody: message.html ?? null,
      status: options.smtpConfigured ? "queued" : "outbox",
    })
    .returning({ id: outboundEmails.id });
  return row!.id;
}
