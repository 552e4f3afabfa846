import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets, notificationMutes, notifications, users } from "@/db/schema";

/** Owners hear this many days before their published asset expires. */
export const EXPIRY_NOTICE_DAYS = 14;

/**
 * Tells each owner about their published assets that expire within the notice period: one entry per asset
 * and expiry date, so a sweep that runs every few minutes (or on several instances) says it once.
 */
export async function notifyExpiringContent(db: Database): Promise<number> {
  const { rows } = await db.execute<{ id: string }>(sql`
    insert into ${notifications} (workspace_id, recipient_id, kind, title, body, link, asset_id, dedupe_key)
    select ${assets.workspaceId}, ${users.id}, 'content_expiring',
      'Expires ' || to_char(${assets.expiresAt}, 'FMDD Mon YYYY') || ': ' || ${assets.title},
      'Review it and move the expiry date, publish a new version, or let it expire.',
      '/assets/' || ${assets.id}, ${assets.id},
      'content_expiring:' || ${assets.id} || ':' || to_char(${assets.expiresAt}, 'YYYY-MM-DD')
    from ${assets} join ${users} on ${users.id} = ${assets.ownerId}
    where ${assets.status} = 'published' and ${users.active}
      and ${assets.expiresAt} > now() and ${assets.expiresAt} <= now() + make_interval(days => ${EXPIRY_NOTICE_DAYS})
      and not exists (select 1 from ${notificationMutes} m where m.user_id = ${users.id} and m.kind = 'content_expiring')
    on conflict (recipient_id, dedupe_key) do nothing
    returning id`);
  return rows.length;
}
