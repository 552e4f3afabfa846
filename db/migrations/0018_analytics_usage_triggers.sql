-- Keeps the usage rollups (analytics_deal_asset_latest, analytics_asset_rep_latest, analytics_asset_usage,
-- analytics_rep_activity; db/schema/analytics.ts) equal to a recount from analytics_deal_assets and deals.
-- Changes flow one way: analytics_deal_assets -> latest per deal and asset -> latest per asset and rep, each
-- level's trigger adding its own deltas to the counts. Subtractions only update rows (never insert), so
-- cascading deletes cannot insert rows that point at what is being deleted.

-- Adds signed amounts to analytics_asset_usage in the day and month buckets of `p_at`.
CREATE OR REPLACE FUNCTION analytics_asset_usage_add(
  p_workspace uuid[], p_asset uuid[], p_at timestamptz[], p_usages int[], p_deals int[], p_reps int[]
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  z_asset uuid[]; z_span text[]; z_bucket date[];
BEGIN
  IF p_asset IS NULL THEN RETURN; END IF;
  WITH g AS (
    SELECT k.workspace_id, k.asset_id, b.span, b.bucket, sum(k.usages)::int AS usages,
           sum(k.deals)::int AS deals, sum(k.reps)::int AS reps
      FROM unnest(p_workspace, p_asset, p_at, p_usages, p_deals, p_reps)
             AS k(workspace_id, asset_id, at, usages, deals, reps)
     CROSS JOIN LATERAL analytics_close_buckets(k.at) b
     GROUP BY 1, 2, 3, 4
  ),
  added AS (
    INSERT INTO analytics_asset_usage AS r (workspace_id, asset_id, span, bucket, usages, deals, reps)
    SELECT workspace_id, asset_id, span, bucket, usages, deals, reps FROM g
     WHERE usages >= 0 AND deals >= 0 AND reps >= 0 AND (usages > 0 OR deals > 0 OR reps > 0)
    ON CONFLICT (asset_id, span, bucket) DO UPDATE
       SET usages = r.usages + EXCLUDED.usages, deals = r.deals + EXCLUDED.deals, reps = r.reps + EXCLUDED.reps
  ),
  subtracted AS (
    UPDATE analytics_asset_usage r
       SET usages = r.usages + g.usages, deals = r.deals + g.deals, reps = r.reps + g.reps
      FROM g
     WHERE r.asset_id = g.asset_id AND r.span = g.span AND r.bucket = g.bucket
       AND (g.usages < 0 OR g.deals < 0 OR g.reps < 0)
    RETURNING r.asset_id, r.span, r.bucket, r.usages, r.deals, r.reps
  )
  SELECT array_agg(asset_id), array_agg(span), array_agg(bucket) INTO z_asset, z_span, z_bucket
    FROM subtracted WHERE usages = 0 AND deals = 0 AND reps = 0;
  IF z_asset IS NOT NULL THEN
    DELETE FROM analytics_asset_usage r
     USING unnest(z_asset, z_span, z_bucket) AS z(asset_id, span, bucket)
     WHERE r.asset_id = z.asset_id AND r.span = z.span AND r.bucket = z.bucket
       AND r.usages = 0 AND r.deals = 0 AND r.reps = 0;
  END IF;
END $$;
--> statement-breakpoint

-- Adds signed counts to analytics_rep_activity on the UTC day of `p_at`.
CREATE OR REPLACE FUNCTION analytics_rep_activity_add(
  p_workspace uuid[], p_owner uuid[], p_at timestamptz[], p_sign int[]
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  z_workspace uuid[]; z_owner uuid[]; z_day date[];
BEGIN
  IF p_owner IS NULL THEN RETURN; END IF;
  WITH g AS (
    SELECT k.workspace_id, k.owner_id, (k.at AT TIME ZONE 'UTC')::date AS day, sum(k.sign)::int AS uses
      FROM unnest(p_workspace, p_owner, p_at, p_sign) AS k(workspace_id, owner_id, at, sign)
     GROUP BY 1, 2, 3
  ),
  added AS (
    INSERT INTO analytics_rep_activity AS r (workspace_id, owner_id, day, uses)
    SELECT workspace_id, owner_id, day, uses FROM g WHERE uses > 0
    ON CONFLICT (workspace_id, owner_id, day) DO UPDATE SET uses = r.uses + EXCLUDED.uses
  ),
  subtracted AS (
    UPDATE analytics_rep_activity r SET uses = r.uses + g.uses
      FROM g
     WHERE r.workspace_id = g.workspace_id AND r.owner_id = g.owner_id AND r.day = g.day AND g.uses < 0
    RETURNING r.workspace_id, r.owner_id, r.day, r.uses
  )
  SELECT array_agg(workspace_id), array_agg(owner_id), array_agg(day) INTO z_workspace, z_owner, z_day
    FROM subtracted WHERE uses = 0;
  IF z_owner IS NOT NULL THEN
    DELETE FROM analytics_rep_activity r
     USING unnest(z_workspace, z_owner, z_day) AS z(workspace_id, owner_id, day)
     WHERE r.workspace_id = z.workspace_id AND r.owner_id = z.owner_id AND r.day = z.day AND r.uses = 0;
  END IF;
END $$;
--> statement-breakpoint

-- Recomputes the latest use of the given (deal, asset) pairs from analytics_deal_assets.
CREATE OR REPLACE FUNCTION analytics_refresh_deal_asset_latest(p_deal uuid[], p_asset uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_deal IS NULL THEN RETURN; END IF;
  WITH k AS (SELECT DISTINCT deal_id, asset_id FROM unnest(p_deal, p_asset) AS x(deal_id, asset_id))
  DELETE FROM analytics_deal_asset_latest l
   USING k
   WHERE l.deal_id = k.deal_id AND l.asset_id = k.asset_id
     AND NOT EXISTS (SELECT 1 FROM analytics_deal_assets da
                      WHERE da.deal_id = k.deal_id AND da.asset_id = k.asset_id);
  WITH k AS (SELECT DISTINCT deal_id, asset_id FROM unnest(p_deal, p_asset) AS x(deal_id, asset_id))
  INSERT INTO analytics_deal_asset_latest AS l (deal_id, asset_id, workspace_id, owner_id, last_used_at)
  SELECT da.deal_id, da.asset_id, d.workspace_id, d.owner_id, max(da.last_used_at)
    FROM k
    JOIN analytics_deal_assets da ON da.deal_id = k.deal_id AND da.asset_id = k.asset_id
    JOIN deals d ON d.id = da.deal_id
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (deal_id, asset_id) DO UPDATE
     SET last_used_at = EXCLUDED.last_used_at
   WHERE l.last_used_at IS DISTINCT FROM EXCLUDED.last_used_at;
END $$;
--> statement-breakpoint

-- Recomputes the latest use of the given (asset, rep) pairs from analytics_deal_asset_latest.
CREATE OR REPLACE FUNCTION analytics_refresh_asset_rep_latest(p_asset uuid[], p_owner uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_asset IS NULL THEN RETURN; END IF;
  WITH k AS (SELECT DISTINCT asset_id, owner_id FROM unnest(p_asset, p_owner) AS x(asset_id, owner_id))
  DELETE FROM analytics_asset_rep_latest l
   USING k
   WHERE l.asset_id = k.asset_id AND l.owner_id = k.owner_id
     AND NOT EXISTS (SELECT 1 FROM analytics_deal_asset_latest p
                      WHERE p.asset_id = k.asset_id AND p.owner_id = k.owner_id);
  WITH k AS (SELECT DISTINCT asset_id, owner_id FROM unnest(p_asset, p_owner) AS x(asset_id, owner_id))
  INSERT INTO analytics_asset_rep_latest AS l (asset_id, owner_id, workspace_id, last_used_at)
  SELECT k.asset_id, k.owner_id, m.workspace_id, m.last_used_at
    FROM k
   CROSS JOIN LATERAL (
     SELECT p.workspace_id, p.last_used_at FROM analytics_deal_asset_latest p
      WHERE p.asset_id = k.asset_id AND p.owner_id = k.owner_id
      ORDER BY p.last_used_at DESC LIMIT 1) m
  ON CONFLICT (asset_id, owner_id) DO UPDATE
     SET last_used_at = EXCLUDED.last_used_at
   WHERE l.last_used_at IS DISTINCT FROM EXCLUDED.last_used_at;
END $$;
--> statement-breakpoint

-- Deal x asset x stage rows: their usages count at their last use; the pair's latest use is recomputed.
CREATE OR REPLACE FUNCTION analytics_deal_assets_usage() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM analytics_asset_usage_add(array_agg(workspace_id), array_agg(asset_id), array_agg(last_used_at),
      array_agg(usages), array_agg(0), array_agg(0))
      FROM new_rows;
    PERFORM analytics_refresh_deal_asset_latest(array_agg(deal_id), array_agg(asset_id)) FROM new_rows;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM analytics_asset_usage_add(array_agg(workspace_id), array_agg(asset_id), array_agg(last_used_at),
      array_agg(-usages), array_agg(0), array_agg(0))
      FROM old_rows;
    IF TG_OP = 'DELETE' THEN
      PERFORM analytics_refresh_deal_asset_latest(array_agg(deal_id), array_agg(asset_id)) FROM old_rows;
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_deal_assets_usage_inserted AFTER INSERT ON analytics_deal_assets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_assets_usage();
--> statement-breakpoint
CREATE TRIGGER analytics_deal_assets_usage_updated AFTER UPDATE ON analytics_deal_assets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_assets_usage();
--> statement-breakpoint
CREATE TRIGGER analytics_deal_assets_usage_deleted AFTER DELETE ON analytics_deal_assets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_assets_usage();
--> statement-breakpoint

-- A pair's latest use moved (or the deal changed hands): count the deal and the rep's activity there, and
-- recompute the reps' latest use of the asset.
CREATE OR REPLACE FUNCTION analytics_deal_asset_latest_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM analytics_asset_usage_add(array_agg(workspace_id), array_agg(asset_id), array_agg(last_used_at),
      array_agg(0), array_agg(1), array_agg(0))
      FROM new_rows;
    PERFORM analytics_rep_activity_add(array_agg(workspace_id), array_agg(owner_id), array_agg(last_used_at),
      array_agg(1))
      FROM new_rows;
    PERFORM analytics_refresh_asset_rep_latest(array_agg(asset_id), array_agg(owner_id)) FROM new_rows;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM analytics_asset_usage_add(array_agg(workspace_id), array_agg(asset_id), array_agg(last_used_at),
      array_agg(0), array_agg(-1), array_agg(0))
      FROM old_rows;
    PERFORM analytics_rep_activity_add(array_agg(workspace_id), array_agg(owner_id), array_agg(last_used_at),
      array_agg(-1))
      FROM old_rows;
    PERFORM analytics_refresh_asset_rep_latest(array_agg(asset_id), array_agg(owner_id)) FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_deal_asset_latest_inserted AFTER INSERT ON analytics_deal_asset_latest
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_asset_latest_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_deal_asset_latest_updated AFTER UPDATE ON analytics_deal_asset_latest
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_asset_latest_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_deal_asset_latest_deleted AFTER DELETE ON analytics_deal_asset_latest
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_asset_latest_changed();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_asset_rep_latest_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM analytics_asset_usage_add(array_agg(workspace_id), array_agg(asset_id), array_agg(last_used_at),
      array_agg(0), array_agg(0), array_agg(1))
      FROM new_rows;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM analytics_asset_usage_add(array_agg(workspace_id), array_agg(asset_id), array_agg(last_used_at),
      array_agg(0), array_agg(0), array_agg(-1))
      FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_asset_rep_latest_inserted AFTER INSERT ON analytics_asset_rep_latest
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_asset_rep_latest_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_asset_rep_latest_updated AFTER UPDATE ON analytics_asset_rep_latest
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_asset_rep_latest_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_asset_rep_latest_deleted AFTER DELETE ON analytics_asset_rep_latest
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_asset_rep_latest_changed();
--> statement-breakpoint

-- A deal handed to another owner takes its asset uses with it.
CREATE OR REPLACE FUNCTION analytics_deal_owner_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE analytics_deal_asset_latest l
     SET owner_id = n.owner_id
    FROM old_rows o JOIN new_rows n ON n.id = o.id
   WHERE l.deal_id = n.id AND n.owner_id IS DISTINCT FROM o.owner_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_deal_owner_changed AFTER UPDATE ON deals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_owner_changed();
--> statement-breakpoint

-- Backfill from whatever is already there. The latest-use rows are inserted through their triggers, which
-- derive the per-rep rows, deal and rep counts and adoption; usages are added from the usage rows.
INSERT INTO analytics_deal_asset_latest (deal_id, asset_id, workspace_id, owner_id, last_used_at)
SELECT da.deal_id, da.asset_id, d.workspace_id, d.owner_id, max(da.last_used_at)
  FROM analytics_deal_assets da JOIN deals d ON d.id = da.deal_id
 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
SELECT analytics_asset_usage_add(array_agg(workspace_id), array_agg(asset_id), array_agg(last_used_at),
         array_agg(usages), array_agg(0), array_agg(0))
  FROM analytics_deal_assets;
