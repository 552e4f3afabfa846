-- Adds a yearly span to the outcome and usage rollups, so a long period reads its whole years as one row
-- per key instead of twelve: a bucket is now a UTC year, month or day (year and month '-infinity' for
-- closed deals without a close date). The triggers call analytics_close_buckets, so they keep all three.
CREATE OR REPLACE FUNCTION analytics_close_buckets(p_closed_at timestamptz)
RETURNS TABLE (span text, bucket date)
LANGUAGE sql IMMUTABLE AS $$
  SELECT 'year', coalesce(date_trunc('year', p_closed_at AT TIME ZONE 'UTC')::date, '-infinity'::date)
  UNION ALL
  SELECT 'month', coalesce(date_trunc('month', p_closed_at AT TIME ZONE 'UTC')::date, '-infinity'::date)
  UNION ALL
  SELECT 'day', (p_closed_at AT TIME ZONE 'UTC')::date WHERE p_closed_at IS NOT NULL
$$;
--> statement-breakpoint

-- Backfill the years from the months already there.
INSERT INTO analytics_outcome_assets
       (workspace_id, asset_id, span, bucket, reached_position, won, lost, won_revenue_minor)
SELECT workspace_id, asset_id, 'year', date_trunc('year', bucket)::date, reached_position,
       sum(won), sum(lost), sum(won_revenue_minor)
  FROM analytics_outcome_assets WHERE span = 'month' GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO analytics_outcome_stages (workspace_id, asset_id, stage_id, span, bucket, won, lost, won_revenue_minor)
SELECT workspace_id, asset_id, stage_id, 'year', date_trunc('year', bucket)::date,
       sum(won), sum(lost), sum(won_revenue_minor)
  FROM analytics_outcome_stages WHERE span = 'month' GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO analytics_outcome_reach (workspace_id, span, bucket, reached_position, won, lost)
SELECT workspace_id, 'year', date_trunc('year', bucket)::date, reached_position, sum(won), sum(lost)
  FROM analytics_outcome_reach WHERE span = 'month' GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO analytics_asset_usage (workspace_id, asset_id, span, bucket, usages, deals, reps)
SELECT workspace_id, asset_id, 'year', date_trunc('year', bucket)::date, sum(usages), sum(deals), sum(reps)
  FROM analytics_asset_usage WHERE span = 'month' GROUP BY 1, 2, 3, 4;
