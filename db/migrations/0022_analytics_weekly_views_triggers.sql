-- Keeps analytics_workspace_views_daily equal to the sums of analytics_asset_daily per workspace and day,
-- adding each change's delta (subtractions only update rows, as in the other rollups).
CREATE OR REPLACE FUNCTION analytics_workspace_views_add(
  p_workspace uuid[], p_day date[], p_views int[], p_downloads int[]
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_workspace IS NULL THEN RETURN; END IF;
  WITH g AS (
    SELECT workspace_id, day, sum(views)::int AS views, sum(downloads)::int AS downloads
      FROM unnest(p_workspace, p_day, p_views, p_downloads) AS k(workspace_id, day, views, downloads)
     GROUP BY 1, 2
  ),
  added AS (
    INSERT INTO analytics_workspace_views_daily AS r (workspace_id, day, views, downloads)
    SELECT workspace_id, day, views, downloads FROM g
     WHERE views >= 0 AND downloads >= 0 AND (views > 0 OR downloads > 0)
    ON CONFLICT (workspace_id, day) DO UPDATE
       SET views = r.views + EXCLUDED.views, downloads = r.downloads + EXCLUDED.downloads
  )
  UPDATE analytics_workspace_views_daily r
     SET views = r.views + g.views, downloads = r.downloads + g.downloads
    FROM g
   WHERE r.workspace_id = g.workspace_id AND r.day = g.day AND (g.views < 0 OR g.downloads < 0);
  DELETE FROM analytics_workspace_views_daily r
   USING unnest(p_workspace, p_day) AS k(workspace_id, day)
   WHERE r.workspace_id = k.workspace_id AND r.day = k.day AND r.views = 0 AND r.downloads = 0;
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_asset_daily_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM analytics_workspace_views_add(array_agg(workspace_id), array_agg(day), array_agg(views),
      array_agg(downloads))
      FROM new_rows;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM analytics_workspace_views_add(array_agg(workspace_id), array_agg(day), array_agg(-views),
      array_agg(-downloads))
      FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_asset_daily_inserted AFTER INSERT ON analytics_asset_daily
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_asset_daily_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_asset_daily_updated AFTER UPDATE ON analytics_asset_daily
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_asset_daily_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_asset_daily_deleted AFTER DELETE ON analytics_asset_daily
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_asset_daily_changed();
--> statement-breakpoint

-- Backfill from whatever is already there.
INSERT INTO analytics_workspace_views_daily (workspace_id, day, views, downloads)
SELECT workspace_id, day, sum(views), sum(downloads) FROM analytics_asset_daily GROUP BY 1, 2
HAVING sum(views) > 0 OR sum(downloads) > 0;
