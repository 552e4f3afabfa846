import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { outboundEmails } from "@/db/schema";

/**
 * The workspace's most recent outgoing messages, newest first. A password-reset link that goes out by
 * SMTP belongs in its recipient's mailbox only: here its body is withheld, or an admin could take over
 * anyone's account. Without SMTP the outbox is the only way to read it (a development machine).
 */
export function listOutbox(db: Database, workspaceId: string, limit = 100) {
  return db
    .select({
      id: outboundEmails.id,
      toAddress: outboundEmails.toAddress,
      kind: outboundEmails.kind,
      subject: outboundEmails.subject,
      textBody: sql<string>`case when ${outboundEmails.status} = 'outbox' then ${outboundEmails.textBody}
        when ${outboundEmails.kind} = 'password_reset' then 'Withheld: a password-reset link is for its recipient only.'
        when ${outboundEmails.kind} = 'room_link' then 'Withheld: a buyer room link is for its recipient only.'
        else ${outboundEmails.textBody} end`,
      status: outboundEmails.status,
      lastError: outboundEmails.lastError,
      createdAt: outboundEmails.createdAt,
      sentAt: outboundEmails.sentAt,
    })
    .from(outboundEmails)
    .where(eq(outboundEmails.workspaceId, workspaceId))
    .orderBy(desc(outboundEmails.createdAt))
    .limit(limit);
}

export type OutboxEmail = Awaited<ReturnType<typeof listOutbox>>[number];
