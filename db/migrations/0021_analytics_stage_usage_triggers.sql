-- Keeps the per-stage usage rollups (analytics_stage_use_owner, analytics_stage_rep_latest,
-- analytics_asset_stage_usage) equal to a recount from analytics_deal_assets and deals, the same way as
-- the whole-asset ones (analytics_usage_triggers): each level adds its own deltas; subtractions only
-- update rows.

CREATE OR REPLACE FUNCTION analytics_asset_stage_usage_add(
  p_workspace uuid[], p_asset uuid[], p_stage uuid[], p_at timestamptz[], p_usages int[], p_deals int[],
  p_reps int[]
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  z_asset uuid[]; z_stage uuid[]; z_span text[]; z_bucket date[];
BEGIN
  IF p_asset IS NULL THEN RETURN; END IF;
  WITH g AS (
    SELECT k.workspace_id, k.asset_id, k.stage_id, b.span, b.bucket, sum(k.usages)::int AS usages,
           sum(k.deals)::int AS deals, sum(k.reps)::int AS reps
      FROM unnest(p_workspace, p_asset, p_stage, p_at, p_usages, p_deals, p_reps)
             AS k(workspace_id, asset_id, stage_id, at, usages, deals, reps)
     CROSS JOIN LATERAL analytics_close_buckets(k.at) b
     GROUP BY 1, 2, 3, 4, 5
  ),
  added AS (
    INSERT INTO analytics_asset_stage_usage AS r
           (workspace_id, asset_id, stage_id, span, bucket, usages, deals, reps)
    SELECT workspace_id, asset_id, stage_id, span, bucket, usages, deals, reps FROM g
     WHERE usages >= 0 AND deals >= 0 AND reps >= 0 AND (usages > 0 OR deals > 0 OR reps > 0)
    ON CONFLICT (asset_id, stage_id, span, bucket) DO UPDATE
       SET usages = r.usages + EXCLUDED.usages, deals = r.deals + EXCLUDED.deals, reps = r.reps + EXCLUDED.reps
  ),
  subtracted AS (
    UPDATE analytics_asset_stage_usage r
       SET usages = r.usages + g.usages, deals = r.deals + g.deals, reps = r.reps + g.reps
      FROM g
     WHERE r.asset_id = g.asset_id AND r.stage_id = g.stage_id AND r.span = g.span AND r.bucket = g.bucket
       AND (g.usages < 0 OR g.deals < 0 OR g.reps < 0)
    RETURNING r.asset_id, r.stage_id, r.span, r.bucket, r.usages, r.deals, r.reps
  )
  SELECT array_agg(asset_id), array_agg(stage_id), array_agg(span), array_agg(bucket)
    INTO z_asset, z_stage, z_span, z_bucket
    FROM subtracted WHERE usages = 0 AND deals = 0 AND reps = 0;
  IF z_asset IS NOT NULL THEN
    DELETE FROM analytics_asset_stage_usage r
     USING unnest(z_asset, z_stage, z_span, z_bucket) AS z(asset_id, stage_id, span, bucket)
     WHERE r.asset_id = z.asset_id AND r.stage_id = z.stage_id AND r.span = z.span AND r.bucket = z.bucket
       AND r.usages = 0 AND r.deals = 0 AND r.reps = 0;
  END IF;
END $$;
--> statement-breakpoint

-- Recomputes the latest use of the given (asset, stage, rep) keys from analytics_stage_use_owner.
CREATE OR REPLACE FUNCTION analytics_refresh_stage_rep_latest(p_asset uuid[], p_stage uuid[], p_owner uuid[])
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_asset IS NULL THEN RETURN; END IF;
  WITH k AS (SELECT DISTINCT asset_id, stage_id, owner_id
               FROM unnest(p_asset, p_stage, p_owner) AS x(asset_id, stage_id, owner_id))
  DELETE FROM analytics_stage_rep_latest l
   USING k
   WHERE l.asset_id = k.asset_id AND l.stage_id = k.stage_id AND l.owner_id = k.owner_id
     AND NOT EXISTS (SELECT 1 FROM analytics_stage_use_owner p
                      WHERE p.asset_id = k.asset_id AND p.stage_id = k.stage_id AND p.owner_id = k.owner_id);
  WITH k AS (SELECT DISTINCT asset_id, stage_id, owner_id
               FROM unnest(p_asset, p_stage, p_owner) AS x(asset_id, stage_id, owner_id))
  INSERT INTO analytics_stage_rep_latest AS l (asset_id, stage_id, owner_id, workspace_id, last_used_at)
  SELECT k.asset_id, k.stage_id, k.owner_id, m.workspace_id, m.last_used_at
    FROM k
   CROSS JOIN LATERAL (
     SELECT p.workspace_id, p.last_used_at FROM analytics_stage_use_owner p
      WHERE p.asset_id = k.asset_id AND p.stage_id = k.stage_id AND p.owner_id = k.owner_id
      ORDER BY p.last_used_at DESC LIMIT 1) m
  ON CONFLICT (asset_id, stage_id, owner_id) DO UPDATE
     SET last_used_at = EXCLUDED.last_used_at
   WHERE l.last_used_at IS DISTINCT FROM EXCLUDED.last_used_at;
END $$;
--> statement-breakpoint

-- Deal x asset x stage rows: usages and the deal count at their last use, and the owner copy.
CREATE OR REPLACE FUNCTION analytics_deal_assets_stage_usage() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM analytics_asset_stage_usage_add(array_agg(workspace_id), array_agg(asset_id), array_agg(stage_id),
      array_agg(last_used_at), array_agg(usages), array_agg(1), array_agg(0))
      FROM new_rows;
    INSERT INTO analytics_stage_use_owner AS o (deal_id, asset_id, stage_id, workspace_id, owner_id, last_used_at)
    SELECT n.deal_id, n.asset_id, n.stage_id, d.workspace_id, d.owner_id, n.last_used_at
      FROM new_rows n JOIN deals d ON d.id = n.deal_id
    ON CONFLICT (deal_id, asset_id, stage_id) DO UPDATE
       SET last_used_at = EXCLUDED.last_used_at
     WHERE o.last_used_at IS DISTINCT FROM EXCLUDED.last_used_at;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM analytics_asset_stage_usage_add(array_agg(workspace_id), array_agg(asset_id), array_agg(stage_id),
      array_agg(last_used_at), array_agg(-usages), array_agg(-1), array_agg(0))
      FROM old_rows;
    IF TG_OP = 'DELETE' THEN
      DELETE FROM analytics_stage_use_owner o
       USING old_rows x
       WHERE o.deal_id = x.deal_id AND o.asset_id = x.asset_id AND o.stage_id = x.stage_id;
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_deal_assets_stage_usage_inserted AFTER INSERT ON analytics_deal_assets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_assets_stage_usage();
--> statement-breakpoint
CREATE TRIGGER analytics_deal_assets_stage_usage_updated AFTER UPDATE ON analytics_deal_assets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_assets_stage_usage();
--> statement-breakpoint
CREATE TRIGGER analytics_deal_assets_stage_usage_deleted AFTER DELETE ON analytics_deal_assets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_assets_stage_usage();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_stage_use_owner_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM analytics_refresh_stage_rep_latest(array_agg(asset_id), array_agg(stage_id), array_agg(owner_id))
      FROM new_rows;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM analytics_refresh_stage_rep_latest(array_agg(asset_id), array_agg(stage_id), array_agg(owner_id))
      FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_stage_use_owner_inserted AFTER INSERT ON analytics_stage_use_owner
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_stage_use_owner_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_stage_use_owner_updated AFTER UPDATE ON analytics_stage_use_owner
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_stage_use_owner_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_stage_use_owner_deleted AFTER DELETE ON analytics_stage_use_owner
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_stage_use_owner_changed();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_stage_rep_latest_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM analytics_asset_stage_usage_add(array_agg(workspace_id), array_agg(asset_id), array_agg(stage_id),
      array_agg(last_used_at), array_agg(0), array_agg(0), array_agg(1))
      FROM new_rows;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM analytics_asset_stage_usage_add(array_agg(workspace_id), array_agg(asset_id), array_agg(stage_id),
      array_agg(last_used_at), array_agg(0), array_agg(0), array_agg(-1))
      FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_stage_rep_latest_inserted AFTER INSERT ON analytics_stage_rep_latest
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_stage_rep_latest_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_stage_rep_latest_updated AFTER UPDATE ON analytics_stage_rep_latest
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_stage_rep_latest_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_stage_rep_latest_deleted AFTER DELETE ON analytics_stage_rep_latest
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_stage_rep_latest_changed();
--> statement-breakpoint

-- A deal handed to another owner takes its asset uses with it, at every stage too.
CREATE OR REPLACE FUNCTION analytics_deal_owner_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE analytics_deal_asset_latest l
     SET owner_id = n.owner_id
    FROM old_rows o JOIN new_rows n ON n.id = o.id
   WHERE l.deal_id = n.id AND n.owner_id IS DISTINCT FROM o.owner_id;
  UPDATE analytics_stage_use_owner l
     SET owner_id = n.owner_id
    FROM old_rows o JOIN new_rows n ON n.id = o.id
   WHERE l.deal_id = n.id AND n.owner_id IS DISTINCT FROM o.owner_id;
  RETURN NULL;
END $$;
--> statement-breakpoint

-- Backfill from whatever is already there. The owner rows are inserted through their triggers, which
-- derive the per-rep rows and rep counts; usages and deals are added from the usage rows.
INSERT INTO analytics_stage_use_owner (deal_id, asset_id, stage_id, workspace_id, owner_id, last_used_at)
SELECT da.deal_id, da.asset_id, da.stage_id, d.workspace_id, d.owner_id, da.last_used_at
  FROM analytics_deal_assets da JOIN deals d ON d.id = da.deal_id;
--> statement-breakpoint
SELECT analytics_asset_stage_usage_add(array_agg(workspace_id), array_agg(asset_id), array_agg(stage_id),
         array_agg(last_used_at), array_agg(usages), array_agg(1), array_agg(0))
  FROM analytics_deal_assets;
