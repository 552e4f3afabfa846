import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { executePrepared } from "@/db/prepared-statement";
import { assetVersions, assets, files, roomAssets, rooms, users } from "@/db/schema";
import { assetVisibleToUser } from "@/server/authz/visibility";
import { BEACON_LIMIT_PER_MINUTE, ENGAGED_AFTER_MS, SLACK_MS, type Beacon } from "./record-beacon";

/** A beacon on its way to the batched write: the room's token hash and the visitor's cookie name its visit. */
export interface QueuedBeacon {
  tokenHash: string;
  visitorId: string;
  beacon: Beacon;
}

/**
 * What the batched write decided for one beacon. `ordinary` means it was not a beacon this path takes
 * (unknown or closed room, no admitted visit, a bot): the caller
 * sends it through the one-request-at-a-time path, which answers those cases. Nothing was written for it.
 */
export type BeaconOutcome =
  | { kind: "stored"; engagesVisitId: string | null }
  | { kind: "ordinary" }
  | { kind: "limited"; retryAfterSeconds: number }
  | { kind: "forged" }
  | { kind: "late" };

// Array literals for the statement's parameters. Every value was checked to be a whole number, a hex hash
// or a base64url cookie, none of which needs quoting inside an array literal.
const arrayOf = (values: (string | number | boolean)[]) => `{${values.join(",")}}`;

/**
 * Stores a batch of beacons in one statement (one round trip, one transaction, one plan): each beacon's
 * room by token (open, not revoked or expired), its visit by cookie (admitted, not a bot), the per-visit
 * rate limit, the room's assets under the same visibility rule as the page, and the checks of
 * `recordBeacon` (every event names an asset and page of the room; no more time than has passed since
 * the visit's previous beacon), then the writes, whose triggers add to the room rollup as deltas.
 *
 * This statement never changes whether a visit counts, so it never recounts a room: the rollup triggers
 * only add deltas under the room's shared lock. A stored beacon that makes its visit count (enough
 * visible time, the visit not counted yet) names the visit in `engagesVisitId`, for `countVisits`
 * afterwards. At most one beacon per visit may be in a batch (the time check reads the visit's previous
 * beacon as of the statement's start).
 */
export async function ingestBeacons(db: Database, batch: QueuedBeacon[]): Promise<BeaconOutcome[]> {
  const events = batch.flatMap((q, i) => q.beacon.events.map((e) => ({ ...e, i: i + 1 })));
  const claimed = batch.map((q) =>
    Math.max(
      q.beacon.visibleMs,
      q.beacon.events.reduce((sum, e) => sum + e.ms, 0),
    ),
  );
  const rows = await executePrepared<{ outcome: string; reset_in: number | null; engages: string | null }>(
    db,
    "ingest-beacons",
    sql`
    with b as (
      select * from unnest(${arrayOf(batch.map((q) => q.tokenHash))}::text[],
                           ${arrayOf(batch.map((q) => q.visitorId))}::text[],
                           ${arrayOf(claimed)}::int[],
                           ${arrayOf(batch.map((q) => q.beacon.visibleMs >= ENGAGED_AFTER_MS))}::boolean[])
        with ordinality as b(token_hash, visitor_id, claimed, engages, i)
    ), e as (
      select * from unnest(${arrayOf(events.map((e) => e.i))}::int[], ${arrayOf(events.map((e) => e.a))}::int[],
                           ${arrayOf(events.map((e) => e.p))}::int[], ${arrayOf(events.map((e) => e.ms))}::int[])
        as e(i, a, p, ms)
    ), v as (
      select b.i, vi.room_id, vi.id as visit_id, vi.do_not_track, b.engages and vi.engaged_at is null as engages,
             b.claimed <= extract(epoch from now() - coalesce(vi.last_beacon_at, vi.started_at)) * 1000
                          + ${SLACK_MS} as in_time
        from b
        join rooms r on r.token_hash = b.token_hash and r.revoked_at is null and r.expires_at > now()
        join room_visits vi on vi.room_id = r.id and vi.visitor_id = b.visitor_id
       where not vi.bot
         and (vi.unlocked_at is not null or not (r.email_gate or r.password_hash is not null))
    ), ra as (
      select ${roomAssets.roomId} as room_id, ${roomAssets.position} as n, ${assets.id} as asset_id,
             case when ${files.previewPageCount} > 0 then ${files.previewPageCount} else 1 end as pages
        from ${roomAssets}
        join ${rooms} on ${rooms.id} = ${roomAssets.roomId}
        join ${users} on ${users.id} = ${rooms.creatorId}
        join ${assets} on ${assets.id} = ${roomAssets.assetId}
        join ${assetVersions} on ${assetVersions.id} = ${assets.currentVersionId}
        join ${files} on ${files.id} = ${assetVersions.fileId}
       where ${roomAssets.roomId} in (select room_id from v) and ${assetVisibleToUser()}
    ), hits as (
      insert into auth_throttle as t (key, failures, window_started_at)
      select 'room-beacon:' || visit_id, 1, now() from v order by 1
      on conflict (key) do update set
        failures = case when t.window_started_at <= now() - interval '60 seconds'
                        then 1 else t.failures + 1 end,
        window_started_at = case when t.window_started_at <= now() - interval '60 seconds'
                        then now() else t.window_started_at end
      returning key, failures,
        greatest(1, ceil(extract(epoch from (window_started_at + interval '60 seconds' - now()))))::int as reset_in
    ), judged as (
      select v.*, h.reset_in, h.failures <= ${BEACON_LIMIT_PER_MINUTE} as allowed,
             not exists (select 1 from e left join ra on ra.room_id = v.room_id and ra.n = e.a
                          where e.i = v.i and (ra.asset_id is null or e.p > ra.pages)) as genuine
        from v join hits h on h.key = 'room-beacon:' || v.visit_id
    ), ok as (
      select * from judged where allowed and genuine and in_time
    ), ev as (
      select ok.visit_id, ra.asset_id, e.p as page, e.ms
        from ok join e on e.i = ok.i join ra on ra.room_id = ok.room_id and ra.n = e.a
       where not ok.do_not_track
    ), pages as (
      insert into room_page_dwell (visit_id, asset_id, page, dwell_ms)
      select visit_id, asset_id, page, sum(ms) from ev group by 1, 2, 3 order by 1, 2, 3
      on conflict (visit_id, asset_id, page) do update set dwell_ms = room_page_dwell.dwell_ms + excluded.dwell_ms
    ), per_asset as (
      insert into room_visit_assets (visit_id, asset_id, last_page, dwell_ms)
      select visit_id, asset_id, max(page), sum(ms) from ev group by 1, 2 order by 1, 2
      on conflict (visit_id, asset_id) do update set
        dwell_ms = room_visit_assets.dwell_ms + excluded.dwell_ms,
        last_page = greatest(room_visit_assets.last_page, excluded.last_page)
    ), seen as (
      update room_visits set last_seen_at = now(), last_beacon_at = now()
       where id in (select visit_id from ok)
    )
    select case when j.i is null then 'ordinary'
                when not j.allowed then 'limited'
                when not j.genuine then 'forged'
                when not j.in_time then 'late'
                else 'stored' end as outcome,
           j.reset_in, case when j.engages then j.visit_id end as engages
      from b left join judged j on j.i = b.i
     order by b.i`,
  );
  return rows.map((r): BeaconOutcome => {
    if (r.outcome === "limited") return { kind: "limited", retryAfterSeconds: Number(r.reset_in) };
    if (r.outcome === "stored") return { kind: "stored", engagesVisitId: r.engages };
    return { kind: r.outcome as "ordinary" | "forged" | "late" };
  });
}

/**
 * Makes these visits count as buyers (the bot rule: they reported enough visible time), in one statement
 * after the batch that stored their beacons, so the rollup trigger recounts each room once for all of
 * them. Returns the visits that this statement made count (not one another request made count first),
 * with what the rep's notification needs.
 */
export async function countVisits(db: Database, visitIds: string[]) {
  if (visitIds.length === 0) return [];
  const { rows } = await db.execute<{
    email: string | null;
    room_id: string;
    workspace_id: string;
    creator_id: string;
    deal_id: string;
    title: string;
  }>(sql`
    update room_visits v set engaged_at = now()
      from rooms r
     where r.id = v.room_id and v.id = any(${arrayOf(visitIds)}::uuid[]) and v.engaged_at is null
    returning v.email, r.id as room_id, r.workspace_id, r.creator_id, r.deal_id, r.title`);
  return rows.map((r) => ({
    email: r.email,
    room: {
      id: r.room_id,
      workspaceId: r.workspace_id,
      creatorId: r.creator_id,
      dealId: r.deal_id,
      title: r.title,
    },
  }));
}
