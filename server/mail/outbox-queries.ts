import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { outboundEmails } from "@/db/schema";

/** The workspace's most recent outgoing messages, newest first. */
export function listOutbox(db: Database, workspaceId: string, limit = 100) {
  return db
    .select({
      id: outboundEmails.id,
      toAddress: outboundEmails.toAddress,
      kind: outboundEmails.kind,
      subject: outboundEmails.subject,
      textBody: outboundEmails.textBody,
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
