import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { emailStatuses } from "../../lib/mail";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const emailStatus = pgEnum("email_status", emailStatuses);

/** Every message Baton sends, written in the same transaction as the change that caused it. */
export const outboundEmails = pgTable(
  "outbound_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    recipientId: uuid("recipient_id").references(() => users.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    // What sent it (invitation, digest, announcement...), for the outbox list and for tests.
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    status: emailStatus("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbound_emails_workspace_created_idx").on(t.workspaceId, t.createdAt),
    index("outbound_emails_status_idx").on(t.status, t.createdAt),
  ],
);
