-- Keeps analytics_room_assets (db/schema/room-analytics.ts) equal to a recount of the rooms' counted visits,
-- in the same transaction as every write that changes them: a row appears when an asset is shared in a
-- room (room_assets insert; it stays when the asset is taken out again), and is recounted from
-- room_visit_assets whenever a visit's reading of it changes (each beacon, each download) or a visit starts
-- or stops counting (it proves a person is reading, or is deleted).
--
-- A recount, not deltas: a visit starts counting only after its first beacons, in the same statement that
-- records one, so adding deltas would need to know which of them were counted already. Concurrent beacons
-- of one room are serialized by a transaction-level advisory lock on the room taken before the recount; in
-- READ COMMITTED each statement of the function then reads with a fresh snapshot, so the last transaction
-- to take the lock sees every committed change and its own, and no update is lost. Other rooms never wait.

CREATE OR REPLACE FUNCTION analytics_recount_room_assets(p_room_ids uuid[], p_asset_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_room_ids IS NULL THEN RETURN; END IF;
  -- 1930 is this lock family (buyer rooms); in key order, so two transactions never wait on each other.
  PERFORM pg_advisory_xact_lock(1930, k)
     FROM (SELECT DISTINCT hashtext(r::text) AS k FROM unnest(p_room_ids) AS r ORDER BY 1) locks;
  WITH keys AS (
    SELECT DISTINCT room_id, asset_id FROM unnest(p_room_ids, p_asset_ids) AS k(room_id, asset_id)
  ),
  counted AS (
    SELECT v.room_id, va.asset_id, count(*)::int AS readers, min(va.first_opened_at) AS first_opened_at,
           sum(va.dwell_ms)::bigint AS read_ms, max(va.last_page)::int AS furthest_page,
           sum(va.downloads)::int AS downloads
      FROM keys k
      JOIN room_visits v ON v.room_id = k.room_id AND NOT v.bot AND v.engaged_at IS NOT NULL
      JOIN room_visit_assets va ON va.visit_id = v.id AND va.asset_id = k.asset_id
     GROUP BY v.room_id, va.asset_id
  )
  UPDATE analytics_room_assets r
     SET readers = coalesce(c.readers, 0), first_opened_at = c.first_opened_at,
         read_ms = coalesce(c.read_ms, 0), furthest_page = coalesce(c.furthest_page, 0),
         downloads = coalesce(c.downloads, 0)
    FROM keys k
    LEFT JOIN counted c ON c.room_id = k.room_id AND c.asset_id = k.asset_id
   WHERE r.room_id = k.room_id AND r.asset_id = k.asset_id
     AND (r.readers, r.first_opened_at, r.read_ms, r.furthest_page, r.downloads)
         IS DISTINCT FROM (coalesce(c.readers, 0), c.first_opened_at, coalesce(c.read_ms, 0),
                           coalesce(c.furthest_page, 0), coalesce(c.downloads, 0));
END $$;
--> statement-breakpoint

-- Every asset of the given rooms (a visit that starts or stops counting changes all of them).
CREATE OR REPLACE FUNCTION analytics_recount_rooms(p_room_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_room_ids IS NULL THEN RETURN; END IF;
  PERFORM analytics_recount_room_assets(array_agg(r.room_id), array_agg(r.asset_id))
     FROM analytics_room_assets r
    WHERE r.room_id = ANY(p_room_ids);
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_room_assets_shared() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_room_assets (room_id, asset_id, workspace_id, deal_id, stage_id, shared_at)
  SELECT n.room_id, n.asset_id, r.workspace_id, r.deal_id, d.stage_id, n.added_at
    FROM new_rows n
    JOIN rooms r ON r.id = n.room_id
    JOIN deals d ON d.id = r.deal_id
  ON CONFLICT (room_id, asset_id) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_room_assets_shared AFTER INSERT ON room_assets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_room_assets_shared();
--> statement-breakpoint

-- A visit's reading of assets changed (beacon, download): recount those rooms' assets. Rows deleted with
-- their visit have no visit left to name the room; analytics_room_visits_deleted recounts those.
CREATE OR REPLACE FUNCTION analytics_room_reading_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_recount_room_assets(array_agg(v.room_id), array_agg(c.asset_id))
     FROM (SELECT visit_id, asset_id FROM changed_rows) c
     JOIN room_visits v ON v.id = c.visit_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_room_reading_inserted AFTER INSERT ON room_visit_assets
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_room_reading_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_room_reading_updated AFTER UPDATE ON room_visit_assets
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_room_reading_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_room_reading_deleted AFTER DELETE ON room_visit_assets
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_room_reading_changed();
--> statement-breakpoint

-- A visit started or stopped counting as a buyer (proved a person is reading; marked a bot): every asset
-- of its room is recounted. Other visit updates (each beacon's last_seen_at) change nothing here.
CREATE OR REPLACE FUNCTION analytics_room_visits_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_recount_rooms(array_agg(DISTINCT n.room_id))
     FROM new_rows n
     JOIN old_rows o ON o.id = n.id
    WHERE (NOT o.bot AND o.engaged_at IS NOT NULL) IS DISTINCT FROM (NOT n.bot AND n.engaged_at IS NOT NULL);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_room_visits_updated AFTER UPDATE ON room_visits
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_room_visits_updated();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_room_visits_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_recount_rooms(array_agg(DISTINCT room_id)) FROM old_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_room_visits_deleted AFTER DELETE ON room_visits
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_room_visits_deleted();
--> statement-breakpoint

-- Backfill: every asset a room shared (its `shared` usage, with the stage and time it was recorded at; an
-- asset still in a room without one at the deal's stage and the time it was added), then their reading.
INSERT INTO analytics_room_assets (room_id, asset_id, workspace_id, deal_id, stage_id, shared_at)
SELECT u.room_id, u.asset_id, r.workspace_id, r.deal_id, u.stage_id, u.created_at
  FROM asset_usages u
  JOIN rooms r ON r.id = u.room_id
 WHERE u.room_id IS NOT NULL
ON CONFLICT (room_id, asset_id) DO NOTHING;
--> statement-breakpoint
INSERT INTO analytics_room_assets (room_id, asset_id, workspace_id, deal_id, stage_id, shared_at)
SELECT ra.room_id, ra.asset_id, r.workspace_id, r.deal_id, d.stage_id, ra.added_at
  FROM room_assets ra
  JOIN rooms r ON r.id = ra.room_id
  JOIN deals d ON d.id = r.deal_id
ON CONFLICT (room_id, asset_id) DO NOTHING;
--> statement-breakpoint
SELECT analytics_recount_room_assets(array_agg(room_id), array_agg(asset_id)) FROM analytics_room_assets;
