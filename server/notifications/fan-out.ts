import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets, notificationMutes, notifications, users } from "@/db/schema";
import type { NotificationKind } from "@/lib/notifications";
import { assetVisibleToUser } from "@/server/authz/visibility";

/** Past this many entries of one kind in an hour, a person's further entries fold into one counted entry. */
export const HOURLY_CAP = 10;

export interface FanOut {
  workspaceId: string;
  kind: NotificationKind;
  /** A condition on `users` (and on `assets` when `asset` is given) choosing the recipients. */
  who: SQL;
  title: string;
  body: string;
  link: string;
  /**
   * The asset this is about. visible: only people who may see it are told (and the entry links it);
   * hidden: only people who may not (the same news without the asset).
   */
  asset?: { id: string; audience: "visible" | "hidden" };
  requestId?: string;
  announcementId?: string;
  dedupeKey: string;
  /** The person who caused it hears nothing. */
  excludeUserId?: string;
  /** Apply the hourly cap (automatic content news); people-to-people news is never folded. */
  capped?: boolean;
}

/**
 * Writes one notification per recipient in a single INSERT … SELECT, inside the caller's transaction. Muted
 * kinds, the asset's visibility and the dedupe key are all decided in SQL, so a fan-out to thousands of
 * people is one statement and a repeated event never notifies twice.
 */
export async function fanOut(tx: Database, f: FanOut): Promise<void> {
  const recentOfKind = sql`(select count(*) from ${notifications} n
    where n.recipient_id = ${users.id} and n.kind = ${f.kind} and n.created_at > now() - interval '1 hour')`;
  const base = sql`${users.workspaceId} = ${f.workspaceId} and ${users.active}
    and not exists (select 1 from ${notificationMutes} m where m.user_id = ${users.id} and m.kind = ${f.kind})
    ${f.excludeUserId ? sql`and ${users.id} <> ${f.excludeUserId}` : sql``}
    ${f.asset ? sql`and ${assets.id} = ${f.asset.id} and ${f.asset.audience === "visible" ? sql`` : sql`not`} ${assetVisibleToUser()}` : sql``}
    and (${f.who})`;
  const from = f.asset ? sql`from ${users} cross join ${assets}` : sql`from ${users}`;
  const assetId = f.asset?.audience === "visible" ? f.asset.id : null;

  if (f.capped) {
    await tx.execute(sql`
      insert into ${notifications} (workspace_id, recipient_id, kind, title, body, link, dedupe_key)
      select ${users.workspaceId}, ${users.id}, ${f.kind}, 'More new content for you',
        '1 more update in the last hour; open What''s new to see everything', '/whats-new',
        ${f.kind} || ':batch:' || to_char(date_trunc('hour', now()), 'YYYY-MM-DD"T"HH24')
      ${from}
      where ${base} and ${recentOfKind} >= ${HOURLY_CAP}
        and not exists (select 1 from ${notifications} d where d.recipient_id = ${users.id} and d.dedupe_key = ${f.dedupeKey})
      on conflict (recipient_id, dedupe_key) do update set
        item_count = ${notifications.itemCount} + 1,
        body = (${notifications.itemCount} + 1) || ' more updates in the last hour; open What''s new to see everything',
        read_at = null,
        digested_at = null`);
  }
  await tx.execute(sql`
    insert into ${notifications}
      (workspace_id, recipient_id, kind, title, body, link, asset_id, request_id, announcement_id, dedupe_key)
    select ${users.workspaceId}, ${users.id}, ${f.kind}, ${f.title}, ${f.body}, ${f.link}, ${assetId}::uuid,
      ${f.requestId ?? null}::uuid, ${f.announcementId ?? null}::uuid, ${f.dedupeKey}
    ${from}
    where ${base} ${f.capped ? sql`and ${recentOfKind} < ${HOURLY_CAP}` : sql``}
    on conflict (recipient_id, dedupe_key) do nothing`);
}
