-- Keeps the analytics rollups (db/schema/analytics.ts) correct in the same transaction as every write that
-- changes them. Statement-level triggers with transition tables, so a bulk insert of a million rows costs
-- one grouped upsert rather than a million. Inserts add; edits and deletes recount the keys they touched
-- from asset_usages, so a corrected or deleted usage can never leave a stale count behind.

CREATE OR REPLACE FUNCTION analytics_events_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_asset_daily (workspace_id, asset_id, day, views, downloads)
  SELECT workspace_id, asset_id, (created_at AT TIME ZONE 'UTC')::date,
         count(*) FILTER (WHERE kind = 'view'), count(*) FILTER (WHERE kind = 'download')
    FROM new_rows
   WHERE asset_id IS NOT NULL AND kind IN ('view', 'download')
   GROUP BY 1, 2, 3
  ON CONFLICT (asset_id, day) DO UPDATE
     SET views = analytics_asset_daily.views + EXCLUDED.views,
         downloads = analytics_asset_daily.downloads + EXCLUDED.downloads;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_events_inserted AFTER INSERT ON activity_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_events_inserted();
--> statement-breakpoint

-- Raises a deal's furthest reached stage; never lowers it.
CREATE OR REPLACE FUNCTION analytics_raise_reach(p_deal_ids uuid[], p_stage_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO analytics_deal_reach (deal_id, workspace_id, reached_position)
  SELECT d.id, d.workspace_id, max(s.position)
    FROM unnest(p_deal_ids, p_stage_ids) AS k(deal_id, stage_id)
    JOIN deals d ON d.id = k.deal_id
    JOIN buying_stages s ON s.id = k.stage_id
   GROUP BY d.id, d.workspace_id
  ON CONFLICT (deal_id) DO UPDATE
     SET reached_position = greatest(analytics_deal_reach.reached_position, EXCLUDED.reached_position)
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_deals_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_raise_reach(array_agg(id), array_agg(stage_id)) FROM new_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_deals_inserted AFTER INSERT ON deals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_deals_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_deals_updated AFTER UPDATE ON deals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_deals_changed();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_stage_history_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_raise_reach(array_agg(deal_id), array_agg(to_stage_id)) FROM new_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_stage_history_inserted AFTER INSERT ON deal_stage_history
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_stage_history_inserted();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_usages_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_usage_daily (workspace_id, asset_id, stage_id, day, usages)
  SELECT workspace_id, asset_id, stage_id, (created_at AT TIME ZONE 'UTC')::date, count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4
  ON CONFLICT (asset_id, stage_id, day) DO UPDATE
     SET usages = analytics_usage_daily.usages + EXCLUDED.usages;
  INSERT INTO analytics_deal_assets (workspace_id, deal_id, asset_id, stage_id, usages, first_used_at, last_used_at)
  SELECT workspace_id, deal_id, asset_id, stage_id, count(*), min(created_at), max(created_at)
    FROM new_rows GROUP BY 1, 2, 3, 4
  ON CONFLICT (deal_id, asset_id, stage_id) DO UPDATE
     SET usages = analytics_deal_assets.usages + EXCLUDED.usages,
         first_used_at = least(analytics_deal_assets.first_used_at, EXCLUDED.first_used_at),
         last_used_at = greatest(analytics_deal_assets.last_used_at, EXCLUDED.last_used_at);
  PERFORM analytics_raise_reach(array_agg(deal_id), array_agg(stage_id)) FROM new_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_usages_inserted AFTER INSERT ON asset_usages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_usages_inserted();
--> statement-breakpoint

-- Recounts the rollup rows of the given usage keys from asset_usages itself (after an edit or delete).
CREATE OR REPLACE FUNCTION analytics_recount_usages(
  p_deal_ids uuid[], p_asset_ids uuid[], p_stage_ids uuid[], p_days date[]
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH k AS (SELECT DISTINCT deal_id, asset_id, stage_id FROM unnest(p_deal_ids, p_asset_ids, p_stage_ids)
                AS x(deal_id, asset_id, stage_id))
  DELETE FROM analytics_deal_assets r
   USING k
   WHERE r.deal_id = k.deal_id AND r.asset_id = k.asset_id AND r.stage_id = k.stage_id;
  INSERT INTO analytics_deal_assets (workspace_id, deal_id, asset_id, stage_id, usages, first_used_at, last_used_at)
  SELECT u.workspace_id, u.deal_id, u.asset_id, u.stage_id, count(*), min(u.created_at), max(u.created_at)
    FROM asset_usages u
    JOIN (SELECT DISTINCT deal_id, asset_id, stage_id FROM unnest(p_deal_ids, p_asset_ids, p_stage_ids)
            AS x(deal_id, asset_id, stage_id)) k
      ON k.deal_id = u.deal_id AND k.asset_id = u.asset_id AND k.stage_id = u.stage_id
   GROUP BY 1, 2, 3, 4;

  WITH k AS (SELECT DISTINCT asset_id, stage_id, day FROM unnest(p_asset_ids, p_stage_ids, p_days)
                AS x(asset_id, stage_id, day))
  DELETE FROM analytics_usage_daily r
   USING k
   WHERE r.asset_id = k.asset_id AND r.stage_id = k.stage_id AND r.day = k.day;
  INSERT INTO analytics_usage_daily (workspace_id, asset_id, stage_id, day, usages)
  SELECT u.workspace_id, u.asset_id, u.stage_id, (u.created_at AT TIME ZONE 'UTC')::date, count(*)
    FROM asset_usages u
    JOIN (SELECT DISTINCT asset_id, stage_id, day FROM unnest(p_asset_ids, p_stage_ids, p_days)
            AS x(asset_id, stage_id, day)) k
      ON k.asset_id = u.asset_id AND k.stage_id = u.stage_id
     AND (u.created_at AT TIME ZONE 'UTC')::date = k.day
   GROUP BY 1, 2, 3, 4;
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_usages_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_recount_usages(
    array_agg(deal_id), array_agg(asset_id), array_agg(stage_id),
    array_agg((created_at AT TIME ZONE 'UTC')::date))
    FROM old_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_usages_deleted AFTER DELETE ON asset_usages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_usages_deleted();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION analytics_usages_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_recount_usages(
    array_agg(deal_id), array_agg(asset_id), array_agg(stage_id),
    array_agg((created_at AT TIME ZONE 'UTC')::date))
    FROM (SELECT deal_id, asset_id, stage_id, created_at FROM old_rows
          UNION SELECT deal_id, asset_id, stage_id, created_at FROM new_rows) changed;
  PERFORM analytics_raise_reach(array_agg(deal_id), array_agg(stage_id)) FROM new_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_usages_updated AFTER UPDATE ON asset_usages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_usages_updated();
--> statement-breakpoint

-- Backfill from whatever is already there.
INSERT INTO analytics_asset_daily (workspace_id, asset_id, day, views, downloads)
SELECT workspace_id, asset_id, (created_at AT TIME ZONE 'UTC')::date,
       count(*) FILTER (WHERE kind = 'view'), count(*) FILTER (WHERE kind = 'download')
  FROM activity_events
 WHERE asset_id IS NOT NULL AND kind IN ('view', 'download')
 GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO analytics_usage_daily (workspace_id, asset_id, stage_id, day, usages)
SELECT workspace_id, asset_id, stage_id, (created_at AT TIME ZONE 'UTC')::date, count(*)
  FROM asset_usages GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO analytics_deal_assets (workspace_id, deal_id, asset_id, stage_id, usages, first_used_at, last_used_at)
SELECT workspace_id, deal_id, asset_id, stage_id, count(*), min(created_at), max(created_at)
  FROM asset_usages GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO analytics_deal_reach (deal_id, workspace_id, reached_position)
SELECT d.id, d.workspace_id, max(s.position)
  FROM deals d
  JOIN (SELECT id AS deal_id, stage_id FROM deals
        UNION ALL SELECT deal_id, to_stage_id FROM deal_stage_history
        UNION ALL SELECT deal_id, stage_id FROM asset_usages) k ON k.deal_id = d.id
  JOIN buying_stages s ON s.id = k.stage_id
 GROUP BY d.id, d.workspace_id;
