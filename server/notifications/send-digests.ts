import "server-only";
import { and, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { notificationSettings, notifications, users } from "@/db/schema";
import { notificationKindLabels, type NotificationKind } from "@/lib/notifications";
import { loadActor } from "@/server/authz/actor";
import { appUrl } from "@/server/mail/app-url";
import { sendEmail } from "@/server/mail/send-email";
import { inboxWhere } from "./notification-queries";

/** A digest lists at most this many entries; the rest are counted and wait in the notification centre. */
export const DIGEST_MAX_ITEMS = 25;

// A sweep runs every few minutes, so "a day since the last one" allows for the sweep's own delay.
const dueAfter = sql`case coalesce(${notificationSettings.digest}, 'daily')
  when 'weekly' then interval '6 days 23 hours 30 minutes' else interval '23 hours 30 minutes' end`;

const wantsEmail = sql`coalesce(${notificationSettings.digest}, 'daily') <> 'off'`;
const isDue = sql`${wantsEmail}
  and (${notificationSettings.lastDigestAt} is null or ${notificationSettings.lastDigestAt} <= now() - ${dueAfter})`;

/**
 * Sends every person whose daily or weekly digest is due ONE email with everything unread that no earlier
 * digest carried, however many events there were. Returns how many digests went out. Safe to run on several
 * instances at once: each person's settings row is locked while their digest is written. `early` sends the
 * pending digests now, before their day or week is out (an admin's "send now"); people who chose no email
 * still get none.
 */
export async function sendDueDigests(
  db: Database,
  opts: { workspaceId?: string; early?: boolean } = {},
): Promise<number> {
  const ready = opts.early ? wantsEmail : isDue;
  const candidates = await db
    .select({ id: users.id })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(
      and(
        eq(users.active, true),
        opts.workspaceId ? eq(users.workspaceId, opts.workspaceId) : undefined,
        ready,
        sql`exists (select 1 from ${notifications} n
          where n.recipient_id = ${users.id} and n.read_at is null and n.digested_at is null)`,
      ),
    )
    .limit(1000);
  let sent = 0;
  for (const { id } of candidates) if (await sendDigest(db, id, ready)) sent++;
  return sent;
}

async function sendDigest(db: Database, userId: string, ready: SQL): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.insert(notificationSettings).values({ userId }).onConflictDoNothing();
    const [settings] = await tx
      .select({ userId: notificationSettings.userId })
      .from(notificationSettings)
      .where(and(eq(notificationSettings.userId, userId), ready))
      .for("update", { skipLocked: true });
    if (!settings) return false;
    const actor = await loadActor(tx, userId);
    if (!actor) return false;
    const pending = and(
      inboxWhere(tx, actor),
      isNull(notifications.readAt),
      isNull(notifications.digestedAt),
    );
    const items = await tx
      .select({
        kind: notifications.kind,
        title: notifications.title,
        body: notifications.body,
        link: notifications.link,
      })
      .from(notifications)
      .where(pending)
      .orderBy(desc(notifications.createdAt))
      .limit(DIGEST_MAX_ITEMS);
    if (items.length === 0) return false;
    const [{ total }] = (await tx.select({ total: count() }).from(notifications).where(pending)) as [
      { total: number },
    ];
    await sendEmail(tx, {
      workspaceId: actor.workspaceId,
      to: actor.email,
      recipientId: actor.userId,
      kind: "digest",
      subject: `Baton: ${total} ${total === 1 ? "update" : "updates"} for you`,
      ...renderDigest(actor.name, items, total),
    });
    await tx
      .update(notifications)
      .set({ digestedAt: sql`now()` })
      .where(pending);
    await tx
      .update(notificationSettings)
      .set({ lastDigestAt: sql`now()` })
      .where(eq(notificationSettings.userId, userId));
    return true;
  });
}

type DigestItem = { kind: NotificationKind; title: string; body: string; link: string };

function renderDigest(name: string, items: DigestItem[], total: number) {
  const groups = new Map<NotificationKind, DigestItem[]>();
  for (const item of items) groups.set(item.kind, [...(groups.get(item.kind) ?? []), item]);
  const more = total - items.length;
  const text = [
    `Hi ${name},`,
    "",
    ...[...groups].flatMap(([kind, list]) => [
      `${notificationKindLabels[kind]}:`,
      ...list.flatMap((i) => [`- ${i.title}`, ...(i.body ? [`  ${i.body}`] : []), `  ${appUrl(i.link)}`]),
      "",
    ]),
    ...(more > 0 ? [`…and ${more} more in your notification centre.`] : []),
    `All notifications: ${appUrl("/notifications")}`,
    `Choose what you hear about and how often: ${appUrl("/settings/notifications")}`,
  ].join("\n");
  const html = [
    `<p>Hi ${escapeHtml(name)},</p>`,
    ...[...groups].map(
      ([kind, list]) =>
        `<h3>${escapeHtml(notificationKindLabels[kind])}</h3><ul>${list
          .map(
            (i) =>
              `<li><a href="${escapeHtml(appUrl(i.link))}">${escapeHtml(i.title)}</a>${i.body ? `<br>${escapeHtml(i.body)}` : ""}</li>`,
          )
          .join("")}</ul>`,
    ),
    more > 0 ? `<p>…and ${more} more in your notification centre.</p>` : "",
    `<p><a href="${escapeHtml(appUrl("/notifications"))}">All notifications</a> · <a href="${escapeHtml(appUrl("/settings/notifications"))}">Notification settings</a></p>`,
  ].join("");
  return { text, html };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
