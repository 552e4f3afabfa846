-- Beacons add to the room rollup instead of recounting it (0028 recounted every asset a beacon touched
-- from all of the room's visits, under an exclusive per-room lock: one busy room served about 40 beacons
-- a second, one at a time, each scanning every visit; see README "Performance").
--
-- Now a change to the reading of a visit that was already counted before this transaction (not a bot,
-- engaged_at < now()) is added to analytics_room_assets as a delta: one row update per (room, asset), no
-- scan. Everything else still recounts, as before: a visit that starts counting in this transaction (its
-- engaged_at = now(); analytics_room_visits_updated recounts its room, so its rows are skipped here), a
-- visit deleted or marked a bot, rows deleted. A beacon or download is one statement in its own
-- transaction (recordBeacon, serveRoomDownload), so "counted before this transaction" means "before this
-- statement".
--
-- Locking: deltas take the room's advisory lock (family 1930) in shared mode, recounts in exclusive mode
-- (analytics_recount_room_assets, unchanged). Deltas of one room run side by side (their row updates
-- commute); a recount waits for the deltas in flight to commit and then reads them, and deltas that come
-- later wait for the recount and add on top of it, so nothing is counted twice or lost. A transaction takes
-- only one of the two for a room: a beacon that makes its visit count skips the delta.

CREATE OR REPLACE FUNCTION analytics_add_room_reading(p_visit_ids uuid[], p_asset_ids uuid[], p_readers int[],
  p_first timestamptz[], p_read_ms bigint[], p_last_page int[], p_downloads int[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_visit_ids IS NULL THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock_shared(1930, k)
     FROM (SELECT DISTINCT hashtext(v.room_id::text) AS k
             FROM unnest(p_visit_ids) AS d(visit_id)
             JOIN room_visits v ON v.id = d.visit_id
            WHERE NOT v.bot AND v.engaged_at < now()
            ORDER BY 1) locks;
  UPDATE analytics_room_assets r
     SET readers = r.readers + c.readers,
         first_opened_at = least(r.first_opened_at, c.first_opened_at),
         read_ms = r.read_ms + c.read_ms,
         furthest_page = greatest(r.furthest_page, c.furthest_page),
         downloads = r.downloads + c.downloads
    FROM (SELECT v.room_id, d.asset_id, sum(d.readers)::int AS readers, min(d.first_opened_at) AS first_opened_at,
                 sum(d.read_ms)::bigint AS read_ms, max(d.last_page)::int AS furthest_page,
                 sum(d.downloads)::int AS downloads
            FROM unnest(p_visit_ids, p_asset_ids, p_readers, p_first, p_read_ms, p_last_page, p_downloads)
                   AS d(visit_id, asset_id, readers, first_opened_at, read_ms, last_page, downloads)
            JOIN room_visits v ON v.id = d.visit_id
           WHERE NOT v.bot AND v.engaged_at < now()
           GROUP BY v.room_id, d.asset_id) c
   WHERE r.room_id = c.room_id AND r.asset_id = c.asset_id;
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_room_reading_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_add_room_reading(array_agg(n.visit_id), array_agg(n.asset_id), array_agg(1),
            array_agg(n.first_opened_at), array_agg(n.dwell_ms::bigint), array_agg(n.last_page),
            array_agg(n.downloads))
     FROM new_rows n;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_room_reading_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_add_room_reading(array_agg(n.visit_id), array_agg(n.asset_id), array_agg(0),
            array_agg(n.first_opened_at), array_agg((n.dwell_ms - o.dwell_ms)::bigint), array_agg(n.last_page),
            array_agg(n.downloads - o.downloads))
     FROM new_rows n
     JOIN old_rows o ON o.visit_id = n.visit_id AND o.asset_id = n.asset_id;
  RETURN NULL;
END $$;
--> statement-breakpoint

DROP TRIGGER analytics_room_reading_inserted ON room_visit_assets;
--> statement-breakpoint
DROP TRIGGER analytics_room_reading_updated ON room_visit_assets;
--> statement-breakpoint
CREATE TRIGGER analytics_room_reading_inserted AFTER INSERT ON room_visit_assets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_room_reading_inserted();
--> statement-breakpoint
CREATE TRIGGER analytics_room_reading_updated AFTER UPDATE ON room_visit_assets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_room_reading_updated();
