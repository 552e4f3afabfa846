-- Keeps analytics_usage_monthly and analytics_stage_usage_daily equal to sums of analytics_usage_daily,
-- adding each change's delta. Subtractions only update rows (never insert), so cascading deletes cannot
-- insert rows that point at what is being deleted.

CREATE OR REPLACE FUNCTION analytics_usage_daily_add(
  p_workspace uuid[], p_asset uuid[], p_stage uuid[], p_day date[], p_usages int[]
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_asset IS NULL THEN RETURN; END IF;
  WITH g AS (
    SELECT k.workspace_id, k.asset_id, k.stage_id, date_trunc('month', k.day)::date AS month,
           sum(k.usages)::int AS usages
      FROM unnest(p_workspace, p_asset, p_stage, p_day, p_usages) AS k(workspace_id, asset_id, stage_id, day, usages)
     GROUP BY 1, 2, 3, 4
  ),
  added AS (
    INSERT INTO analytics_usage_monthly AS r (workspace_id, asset_id, stage_id, month, usages)
    SELECT workspace_id, asset_id, stage_id, month, usages FROM g WHERE usages > 0
    ON CONFLICT (asset_id, stage_id, month) DO UPDATE SET usages = r.usages + EXCLUDED.usages
  )
  UPDATE analytics_usage_monthly r SET usages = r.usages + g.usages
    FROM g
   WHERE r.asset_id = g.asset_id AND r.stage_id = g.stage_id AND r.month = g.month AND g.usages < 0;
  DELETE FROM analytics_usage_monthly r
   USING unnest(p_asset, p_stage, p_day) AS k(asset_id, stage_id, day)
   WHERE r.asset_id = k.asset_id AND r.stage_id = k.stage_id AND r.month = date_trunc('month', k.day)::date
     AND r.usages = 0;

  WITH g AS (
    SELECT k.workspace_id, k.stage_id, k.day, sum(k.usages)::int AS usages
      FROM unnest(p_workspace, p_stage, p_day, p_usages) AS k(workspace_id, stage_id, day, usages)
     GROUP BY 1, 2, 3
  ),
  added AS (
    INSERT INTO analytics_stage_usage_daily AS r (workspace_id, stage_id, day, usages)
    SELECT workspace_id, stage_id, day, usages FROM g WHERE usages > 0
    ON CONFLICT (workspace_id, stage_id, day) DO UPDATE SET usages = r.usages + EXCLUDED.usages
  )
  UPDATE analytics_stage_usage_daily r SET usages = r.usages + g.usages
    FROM g
   WHERE r.workspace_id = g.workspace_id AND r.stage_id = g.stage_id AND r.day = g.day AND g.usages < 0;
  DELETE FROM analytics_stage_usage_daily r
   USING unnest(p_workspace, p_stage, p_day) AS k(workspace_id, stage_id, day)
   WHERE r.workspace_id = k.workspace_id AND r.stage_id = k.stage_id AND r.day = k.day AND r.usages = 0;
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_usage_daily_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM analytics_usage_daily_add(array_agg(workspace_id), array_agg(asset_id), array_agg(stage_id),
      array_agg(day), array_agg(usages))
      FROM new_rows;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM analytics_usage_daily_add(array_agg(workspace_id), array_agg(asset_id), array_agg(stage_id),
      array_agg(day), array_agg(-usages))
      FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_usage_daily_inserted AFTER INSERT ON analytics_usage_daily
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_usage_daily_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_usage_daily_updated AFTER UPDATE ON analytics_usage_daily
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_usage_daily_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_usage_daily_deleted AFTER DELETE ON analytics_usage_daily
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_usage_daily_changed();
--> statement-breakpoint

-- Backfill from whatever is already there.
INSERT INTO analytics_usage_monthly (workspace_id, asset_id, stage_id, month, usages)
SELECT workspace_id, asset_id, stage_id, date_trunc('month', day)::date, sum(usages)
  FROM analytics_usage_daily GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO analytics_stage_usage_daily (workspace_id, stage_id, day, usages)
SELECT workspace_id, stage_id, day, sum(usages) FROM analytics_usage_daily GROUP BY 1, 2, 3;
