import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/zod-errors";
import { listPublicAssets } from "./public-assets";
import type { OpenRoom, Visit } from "./room-door";

/** The most one beacon may carry; the page sends one every few seconds. */
export const BEACON_MAX_BYTES = 4096;
const MAX_EVENT_MS = 30_000;
const MAX_EVENTS = 50;
// Clock slack between the page's timer and the server's, per beacon.
export const SLACK_MS = 5_000;
/** Beacons one visit may send a minute; the page sends one every 5 s and on hide. */
export const BEACON_LIMIT_PER_MINUTE = 60;
/** Visible time a page must report before its visit counts as a person reading (the bot rule). */
export const ENGAGED_AFTER_MS = 2_000;

export const FORGED_MESSAGE = "Beacon names an asset or page this room does not have";
export const LATE_MESSAGE = "Beacon claims more time than has passed";

export const beaconSchema = z.object({
  visibleMs: z.int().min(0).max(MAX_EVENT_MS),
  events: z
    .array(
      z.object({
        a: z.int().min(0).max(10_000),
        p: z.int().min(1).max(100_000),
        ms: z.int().min(0).max(MAX_EVENT_MS),
      }),
    )
    .max(MAX_EVENTS),
});

export type Beacon = z.infer<typeof beaconSchema>;

export function parseBeacon(raw: string): Beacon {
  if (raw.length > BEACON_MAX_BYTES) throw new AppError("payload_too_large", "Beacon too large");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "Beacon is not valid JSON");
  }
  return parseOrThrow(beaconSchema, json, "Beacon");
}

/**
 * The beacon in `raw` when it is well formed (what `beaconSchema` accepts), else null: for the hot path,
 * which sends anything else through `parseBeacon` to be told what is wrong.
 */
export function readBeacon(raw: string): Beacon | null {
  if (raw.length > BEACON_MAX_BYTES) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const read = beaconSchema.safeParse(json);
  return read.success ? read.data : null;
}

/**
 * Stores what an open page reports: time per page of each asset, the last page reached, and whether the
 * visit is a person reading. The whole beacon is dropped (nothing stored) when it names an asset or page
 * the room does not have, or claims more time than has passed since the visit's last beacon. A visitor
 * who asked not to be tracked is counted, but no per-page time is kept.
 * Returns whether this beacon made the visit count as a buyer for the first time.
 */
export async function recordBeacon(open: OpenRoom, visit: Visit, beacon: Beacon): Promise<boolean> {
  if (visit.bot) return false;
  const assets = await listPublicAssets(open.db, open.room.id);
  const byN = new Map(assets.map((a) => [a.n, a]));
  for (const e of beacon.events) {
    const asset = byN.get(e.a);
    if (!asset || e.p > asset.pages) throw new AppError("validation_failed", FORGED_MESSAGE);
  }
  const since = (visit.lastBeaconAt ?? visit.startedAt).getTime();
  const claimed = Math.max(
    beacon.visibleMs,
    beacon.events.reduce((sum, e) => sum + e.ms, 0),
  );
  if (claimed > Date.now() - since + SLACK_MS) {
    throw new AppError("validation_failed", LATE_MESSAGE);
  }
  const events = visit.doNotTrack ? [] : beacon.events;
  const engage = beacon.visibleMs >= ENGAGED_AFTER_MS;
  const assetIds = `{${events.map((e) => byN.get(e.a)!.assetId).join(",")}}`;
  const pages = `{${events.map((e) => e.p).join(",")}}`;
  const ms = `{${events.map((e) => e.ms).join(",")}}`;
  const { rows } = await open.db.execute<{ newly_engaged: boolean }>(sql`
    with ev as (
      select * from unnest(${assetIds}::uuid[], ${pages}::int[], ${ms}::int[]) as e(asset_id, page, ms)
    ), pages as (
      insert into room_page_dwell (visit_id, asset_id, page, dwell_ms)
      select ${visit.id}::uuid, asset_id, page, sum(ms) from ev group by asset_id, page
      on conflict (visit_id, asset_id, page) do update set dwell_ms = room_page_dwell.dwell_ms + excluded.dwell_ms
    ), per_asset as (
      insert into room_visit_assets (visit_id, asset_id, last_page, dwell_ms)
      select ${visit.id}::uuid, asset_id, max(page), sum(ms) from ev group by asset_id
      on conflict (visit_id, asset_id) do update set
        dwell_ms = room_visit_assets.dwell_ms + excluded.dwell_ms,
        last_page = greatest(room_visit_assets.last_page, excluded.last_page)
    )
    update room_visits set
      last_seen_at = now(),
      last_beacon_at = now(),
      engaged_at = coalesce(room_visits.engaged_at, case when ${engage}::boolean then now() end)
    where id = ${visit.id}::uuid
    returning coalesce(engaged_at = now(), false) as newly_engaged`);
  // engaged_at equals this statement's now() only when this beacon set it: race-free across instances.
  return Boolean(rows[0]?.newly_engaged);
}
