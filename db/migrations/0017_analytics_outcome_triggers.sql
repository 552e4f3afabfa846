-- Keeps the outcome rollups (analytics_outcome_assets / _stages / _reach, db/schema/analytics.ts) equal to
-- what a recount of closed deals against analytics_deal_assets and analytics_deal_reach would give. Each
-- trigger applies the change of its own table with the other tables as they are now, so the order in which
-- nested triggers fire never counts a deal twice. The triggers on deals are named to fire before
-- analytics_deals_inserted / _updated (alphabetical order), which then raise the deal's reach and move its
-- counts through the reach trigger. Subtractions only ever update rows (never insert), so cascading deletes
-- of a workspace, deal or asset cannot insert rows that point at what is being deleted.

-- A closed deal's close buckets: its UTC month ('-infinity' without a close date) and its UTC day.
CREATE OR REPLACE FUNCTION analytics_close_buckets(p_closed_at timestamptz)
RETURNS TABLE (span text, bucket date)
LANGUAGE sql IMMUTABLE AS $$
  SELECT 'month', coalesce(date_trunc('month', p_closed_at AT TIME ZONE 'UTC')::date, '-infinity'::date)
  UNION ALL
  SELECT 'day', (p_closed_at AT TIME ZONE 'UTC')::date WHERE p_closed_at IS NOT NULL
$$;
--> statement-breakpoint

-- Adds signed deal counts (sign +1 / -1 per closed deal) to analytics_outcome_stages.
CREATE OR REPLACE FUNCTION analytics_outcome_stages_add(
  p_workspace uuid[], p_asset uuid[], p_stage uuid[], p_closed timestamptz[], p_status text[],
  p_amount bigint[], p_sign int[]
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  z_asset uuid[]; z_stage uuid[]; z_span text[]; z_bucket date[];
BEGIN
  IF p_asset IS NULL THEN RETURN; END IF;
  WITH g AS (
    SELECT k.workspace_id, k.asset_id, k.stage_id, b.span, b.bucket,
           coalesce(sum(k.sign) FILTER (WHERE k.status = 'won'), 0)::int AS won,
           coalesce(sum(k.sign) FILTER (WHERE k.status = 'lost'), 0)::int AS lost,
           coalesce(sum(k.sign * k.amount) FILTER (WHERE k.status = 'won'), 0)::bigint AS revenue
      FROM unnest(p_workspace, p_asset, p_stage, p_closed, p_status, p_amount, p_sign)
             AS k(workspace_id, asset_id, stage_id, closed_at, status, amount, sign)
     CROSS JOIN LATERAL analytics_close_buckets(k.closed_at) b
     GROUP BY 1, 2, 3, 4, 5
  ),
  added AS (
    INSERT INTO analytics_outcome_stages AS r
           (workspace_id, asset_id, stage_id, span, bucket, won, lost, won_revenue_minor)
    SELECT workspace_id, asset_id, stage_id, span, bucket, won, lost, revenue FROM g
     WHERE won >= 0 AND lost >= 0 AND revenue >= 0 AND (won > 0 OR lost > 0 OR revenue > 0)
    ON CONFLICT (asset_id, stage_id, span, bucket) DO UPDATE
       SET won = r.won + EXCLUDED.won, lost = r.lost + EXCLUDED.lost,
           won_revenue_minor = r.won_revenue_minor + EXCLUDED.won_revenue_minor
  ),
  subtracted AS (
    UPDATE analytics_outcome_stages r
       SET won = r.won + g.won, lost = r.lost + g.lost, won_revenue_minor = r.won_revenue_minor + g.revenue
      FROM g
     WHERE r.asset_id = g.asset_id AND r.stage_id = g.stage_id AND r.span = g.span AND r.bucket = g.bucket
       AND (g.won < 0 OR g.lost < 0 OR g.revenue < 0)
    RETURNING r.asset_id, r.stage_id, r.span, r.bucket, r.won, r.lost
  )
  SELECT array_agg(asset_id), array_agg(stage_id), array_agg(span), array_agg(bucket)
    INTO z_asset, z_stage, z_span, z_bucket
    FROM subtracted WHERE won = 0 AND lost = 0;
  IF z_asset IS NOT NULL THEN
    DELETE FROM analytics_outcome_stages r
     USING unnest(z_asset, z_stage, z_span, z_bucket) AS z(asset_id, stage_id, span, bucket)
     WHERE r.asset_id = z.asset_id AND r.stage_id = z.stage_id AND r.span = z.span AND r.bucket = z.bucket
       AND r.won = 0 AND r.lost = 0;
  END IF;
END $$;
--> statement-breakpoint

-- Adds signed deal counts to analytics_outcome_assets (one entry per deal and asset).
CREATE OR REPLACE FUNCTION analytics_outcome_assets_add(
  p_workspace uuid[], p_asset uuid[], p_closed timestamptz[], p_status text[], p_amount bigint[],
  p_reached int[], p_sign int[]
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  z_asset uuid[]; z_span text[]; z_bucket date[]; z_reached int[];
BEGIN
  IF p_asset IS NULL THEN RETURN; END IF;
  WITH g AS (
    SELECT k.workspace_id, k.asset_id, b.span, b.bucket, k.reached,
           coalesce(sum(k.sign) FILTER (WHERE k.status = 'won'), 0)::int AS won,
           coalesce(sum(k.sign) FILTER (WHERE k.status = 'lost'), 0)::int AS lost,
           coalesce(sum(k.sign * k.amount) FILTER (WHERE k.status = 'won'), 0)::bigint AS revenue
      FROM unnest(p_workspace, p_asset, p_closed, p_status, p_amount, p_reached, p_sign)
             AS k(workspace_id, asset_id, closed_at, status, amount, reached, sign)
     CROSS JOIN LATERAL analytics_close_buckets(k.closed_at) b
     GROUP BY 1, 2, 3, 4, 5
  ),
  added AS (
    INSERT INTO analytics_outcome_assets AS r
           (workspace_id, asset_id, span, bucket, reached_position, won, lost, won_revenue_minor)
    SELECT workspace_id, asset_id, span, bucket, reached, won, lost, revenue FROM g
     WHERE won >= 0 AND lost >= 0 AND revenue >= 0 AND (won > 0 OR lost > 0 OR revenue > 0)
    ON CONFLICT (asset_id, span, bucket, reached_position) DO UPDATE
       SET won = r.won + EXCLUDED.won, lost = r.lost + EXCLUDED.lost,
           won_revenue_minor = r.won_revenue_minor + EXCLUDED.won_revenue_minor
  ),
  subtracted AS (
    UPDATE analytics_outcome_assets r
       SET won = r.won + g.won, lost = r.lost + g.lost, won_revenue_minor = r.won_revenue_minor + g.revenue
      FROM g
     WHERE r.asset_id = g.asset_id AND r.span = g.span AND r.bucket = g.bucket
       AND r.reached_position = g.reached
       AND (g.won < 0 OR g.lost < 0 OR g.revenue < 0)
    RETURNING r.asset_id, r.span, r.bucket, r.reached_position, r.won, r.lost
  )
  SELECT array_agg(asset_id), array_agg(span), array_agg(bucket), array_agg(reached_position)
    INTO z_asset, z_span, z_bucket, z_reached
    FROM subtracted WHERE won = 0 AND lost = 0;
  IF z_asset IS NOT NULL THEN
    DELETE FROM analytics_outcome_assets r
     USING unnest(z_asset, z_span, z_bucket, z_reached) AS z(asset_id, span, bucket, reached)
     WHERE r.asset_id = z.asset_id AND r.span = z.span AND r.bucket = z.bucket
       AND r.reached_position = z.reached AND r.won = 0 AND r.lost = 0;
  END IF;
END $$;
--> statement-breakpoint

-- Adds signed deal counts to analytics_outcome_reach.
CREATE OR REPLACE FUNCTION analytics_outcome_reach_add(
  p_workspace uuid[], p_closed timestamptz[], p_status text[], p_reached int[], p_sign int[]
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  z_workspace uuid[]; z_span text[]; z_bucket date[]; z_reached int[];
BEGIN
  IF p_workspace IS NULL THEN RETURN; END IF;
  WITH g AS (
    SELECT k.workspace_id, b.span, b.bucket, k.reached,
           coalesce(sum(k.sign) FILTER (WHERE k.status = 'won'), 0)::int AS won,
           coalesce(sum(k.sign) FILTER (WHERE k.status = 'lost'), 0)::int AS lost
      FROM unnest(p_workspace, p_closed, p_status, p_reached, p_sign)
             AS k(workspace_id, closed_at, status, reached, sign)
     CROSS JOIN LATERAL analytics_close_buckets(k.closed_at) b
     GROUP BY 1, 2, 3, 4
  ),
  added AS (
    INSERT INTO analytics_outcome_reach AS r (workspace_id, span, bucket, reached_position, won, lost)
    SELECT workspace_id, span, bucket, reached, won, lost FROM g
     WHERE won >= 0 AND lost >= 0 AND (won > 0 OR lost > 0)
    ON CONFLICT (workspace_id, span, bucket, reached_position) DO UPDATE
       SET won = r.won + EXCLUDED.won, lost = r.lost + EXCLUDED.lost
  ),
  subtracted AS (
    UPDATE analytics_outcome_reach r
       SET won = r.won + g.won, lost = r.lost + g.lost
      FROM g
     WHERE r.workspace_id = g.workspace_id AND r.span = g.span AND r.bucket = g.bucket
       AND r.reached_position = g.reached AND (g.won < 0 OR g.lost < 0)
    RETURNING r.workspace_id, r.span, r.bucket, r.reached_position, r.won, r.lost
  )
  SELECT array_agg(workspace_id), array_agg(span), array_agg(bucket), array_agg(reached_position)
    INTO z_workspace, z_span, z_bucket, z_reached
    FROM subtracted WHERE won = 0 AND lost = 0;
  IF z_workspace IS NOT NULL THEN
    DELETE FROM analytics_outcome_reach r
     USING unnest(z_workspace, z_span, z_bucket, z_reached) AS z(workspace_id, span, bucket, reached)
     WHERE r.workspace_id = z.workspace_id AND r.span = z.span AND r.bucket = z.bucket
       AND r.reached_position = z.reached AND r.won = 0 AND r.lost = 0;
  END IF;
END $$;
--> statement-breakpoint

-- Adds (sign +1) or removes (-1) whole deals, as they would be with the given status, close date and
-- amount, with their usage rows and reach as they are now. Open deals contribute nothing.
CREATE OR REPLACE FUNCTION analytics_outcome_deals_add(
  p_deal uuid[], p_workspace uuid[], p_closed timestamptz[], p_status text[], p_amount bigint[], p_sign int[]
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_outcome_reach_add(
    array_agg(k.workspace_id), array_agg(k.closed_at), array_agg(k.status),
    array_agg(coalesce(r.reached_position, 0)), array_agg(k.sign))
    FROM unnest(p_deal, p_workspace, p_closed, p_status, p_sign)
           AS k(deal_id, workspace_id, closed_at, status, sign)
    LEFT JOIN analytics_deal_reach r ON r.deal_id = k.deal_id
   WHERE k.status IN ('won', 'lost');
  PERFORM analytics_outcome_assets_add(
    array_agg(k.workspace_id), array_agg(da.asset_id), array_agg(k.closed_at), array_agg(k.status),
    array_agg(k.amount), array_agg(coalesce(r.reached_position, 0)), array_agg(k.sign))
    FROM unnest(p_deal, p_workspace, p_closed, p_status, p_amount, p_sign)
           AS k(deal_id, workspace_id, closed_at, status, amount, sign)
    JOIN (SELECT DISTINCT deal_id, asset_id FROM analytics_deal_assets WHERE deal_id = ANY (p_deal)) da
      ON da.deal_id = k.deal_id
    LEFT JOIN analytics_deal_reach r ON r.deal_id = k.deal_id
   WHERE k.status IN ('won', 'lost');
  PERFORM analytics_outcome_stages_add(
    array_agg(k.workspace_id), array_agg(da.asset_id), array_agg(da.stage_id), array_agg(k.closed_at),
    array_agg(k.status), array_agg(k.amount), array_agg(k.sign))
    FROM unnest(p_deal, p_workspace, p_closed, p_status, p_amount, p_sign)
           AS k(deal_id, workspace_id, closed_at, status, amount, sign)
    JOIN analytics_deal_assets da ON da.deal_id = k.deal_id
   WHERE k.status IN ('won', 'lost');
END $$;
--> statement-breakpoint

-- New deals, and deals whose status, close date or amount changed: out with the old, in with the new.
CREATE OR REPLACE FUNCTION analytics_deal_outcomes_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_deal uuid[]; v_workspace uuid[]; v_closed timestamptz[]; v_status text[]; v_amount bigint[]; v_sign int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(id), array_agg(workspace_id), array_agg(closed_at), array_agg(status::text),
           array_agg(amount_minor), array_agg(1)
      INTO v_deal, v_workspace, v_closed, v_status, v_amount, v_sign
      FROM new_rows WHERE status IN ('won', 'lost');
  ELSE
    WITH changed AS (
      SELECT o.id, o.workspace_id, o.closed_at AS old_closed, o.status::text AS old_status,
             o.amount_minor AS old_amount, n.closed_at AS new_closed, n.status::text AS new_status,
             n.amount_minor AS new_amount
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.status, o.closed_at, o.amount_minor) IS DISTINCT FROM (n.status, n.closed_at, n.amount_minor)
         AND (o.status IN ('won', 'lost') OR n.status IN ('won', 'lost'))
    ),
    sides AS (
      SELECT id, workspace_id, old_closed AS closed_at, old_status AS status, old_amount AS amount, -1 AS sign
        FROM changed WHERE old_status IN ('won', 'lost')
      UNION ALL
      SELECT id, workspace_id, new_closed, new_status, new_amount, 1
        FROM changed WHERE new_status IN ('won', 'lost')
    )
    SELECT array_agg(id), array_agg(workspace_id), array_agg(closed_at), array_agg(status),
           array_agg(amount), array_agg(sign)
      INTO v_deal, v_workspace, v_closed, v_status, v_amount, v_sign
      FROM sides;
  END IF;
  IF v_deal IS NOT NULL THEN
    PERFORM analytics_outcome_deals_add(v_deal, v_workspace, v_closed, v_status, v_amount, v_sign);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_deal_outcomes_inserted AFTER INSERT ON deals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_outcomes_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_deal_outcomes_updated AFTER UPDATE ON deals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_outcomes_changed();
--> statement-breakpoint

-- A deleted deal leaves before its usage rows and reach are cascaded away (their triggers then find no
-- deal and skip), so its counts come out here while they can still be read.
CREATE OR REPLACE FUNCTION analytics_deal_outcomes_deleting() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('won', 'lost') THEN
    PERFORM analytics_outcome_deals_add(ARRAY[OLD.id], ARRAY[OLD.workspace_id], ARRAY[OLD.closed_at],
      ARRAY[OLD.status::text], ARRAY[OLD.amount_minor], ARRAY[-1]);
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_deal_outcomes_deleting BEFORE DELETE ON deals
  FOR EACH ROW EXECUTE FUNCTION analytics_deal_outcomes_deleting();
--> statement-breakpoint

-- Usage rows (deal x asset x stage) added to or removed from closed deals. A deal counts once per asset, so
-- analytics_outcome_assets changes only for the first row of a (deal, asset) added or the last removed.
CREATE OR REPLACE FUNCTION analytics_deal_assets_outcomes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_outcome_stages_add(
      array_agg(d.workspace_id), array_agg(n.asset_id), array_agg(n.stage_id), array_agg(d.closed_at),
      array_agg(d.status::text), array_agg(d.amount_minor), array_agg(1))
      FROM new_rows n JOIN deals d ON d.id = n.deal_id
     WHERE d.status IN ('won', 'lost');
    PERFORM analytics_outcome_assets_add(
      array_agg(d.workspace_id), array_agg(p.asset_id), array_agg(d.closed_at), array_agg(d.status::text),
      array_agg(d.amount_minor), array_agg(coalesce(r.reached_position, 0)), array_agg(1))
      FROM (SELECT deal_id, asset_id, count(*) AS n FROM new_rows GROUP BY 1, 2) p
      JOIN deals d ON d.id = p.deal_id
      LEFT JOIN analytics_deal_reach r ON r.deal_id = p.deal_id
     WHERE d.status IN ('won', 'lost')
       AND p.n = (SELECT count(*) FROM analytics_deal_assets x
                   WHERE x.deal_id = p.deal_id AND x.asset_id = p.asset_id);
  ELSE
    PERFORM analytics_outcome_stages_add(
      array_agg(d.workspace_id), array_agg(o.asset_id), array_agg(o.stage_id), array_agg(d.closed_at),
      array_agg(d.status::text), array_agg(d.amount_minor), array_agg(-1))
      FROM old_rows o JOIN deals d ON d.id = o.deal_id
     WHERE d.status IN ('won', 'lost');
    PERFORM analytics_outcome_assets_add(
      array_agg(d.workspace_id), array_agg(p.asset_id), array_agg(d.closed_at), array_agg(d.status::text),
      array_agg(d.amount_minor), array_agg(coalesce(r.reached_position, 0)), array_agg(-1))
      FROM (SELECT DISTINCT deal_id, asset_id FROM old_rows) p
      JOIN deals d ON d.id = p.deal_id
      LEFT JOIN analytics_deal_reach r ON r.deal_id = p.deal_id
     WHERE d.status IN ('won', 'lost')
       AND NOT EXISTS (SELECT 1 FROM analytics_deal_assets x
                        WHERE x.deal_id = p.deal_id AND x.asset_id = p.asset_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_deal_assets_outcomes_inserted AFTER INSERT ON analytics_deal_assets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_assets_outcomes();
--> statement-breakpoint
CREATE TRIGGER analytics_deal_assets_outcomes_deleted AFTER DELETE ON analytics_deal_assets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_assets_outcomes();
--> statement-breakpoint

-- A closed deal's furthest stage rose (a first reach row counts as rising from 0): move its counts.
CREATE OR REPLACE FUNCTION analytics_deal_reach_outcomes() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_deal uuid[]; v_old int[]; v_new int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(deal_id), array_agg(0), array_agg(reached_position)
      INTO v_deal, v_old, v_new FROM new_rows WHERE reached_position <> 0;
  ELSE
    SELECT array_agg(n.deal_id), array_agg(o.reached_position), array_agg(n.reached_position)
      INTO v_deal, v_old, v_new
      FROM old_rows o JOIN new_rows n ON n.deal_id = o.deal_id
     WHERE n.reached_position <> o.reached_position;
  END IF;
  IF v_deal IS NULL THEN RETURN NULL; END IF;
  PERFORM analytics_outcome_reach_add(
    array_agg(d.workspace_id), array_agg(d.closed_at), array_agg(d.status::text), array_agg(s.reached),
    array_agg(s.sign))
    FROM unnest(v_deal, v_old, v_new) AS m(deal_id, old_reached, new_reached)
    JOIN deals d ON d.id = m.deal_id
   CROSS JOIN LATERAL (VALUES (m.old_reached, -1), (m.new_reached, 1)) AS s(reached, sign)
   WHERE d.status IN ('won', 'lost');
  PERFORM analytics_outcome_assets_add(
    array_agg(d.workspace_id), array_agg(da.asset_id), array_agg(d.closed_at), array_agg(d.status::text),
    array_agg(d.amount_minor), array_agg(s.reached), array_agg(s.sign))
    FROM unnest(v_deal, v_old, v_new) AS m(deal_id, old_reached, new_reached)
    JOIN deals d ON d.id = m.deal_id
    JOIN (SELECT DISTINCT deal_id, asset_id FROM analytics_deal_assets WHERE deal_id = ANY (v_deal)) da
      ON da.deal_id = m.deal_id
   CROSS JOIN LATERAL (VALUES (m.old_reached, -1), (m.new_reached, 1)) AS s(reached, sign)
   WHERE d.status IN ('won', 'lost');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_deal_reach_outcomes_inserted AFTER INSERT ON analytics_deal_reach
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_reach_outcomes();
--> statement-breakpoint
CREATE TRIGGER analytics_deal_reach_outcomes_updated AFTER UPDATE ON analytics_deal_reach
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_deal_reach_outcomes();
--> statement-breakpoint

-- Backfill from whatever is already there.
INSERT INTO analytics_outcome_reach (workspace_id, span, bucket, reached_position, won, lost)
SELECT d.workspace_id, b.span, b.bucket, coalesce(r.reached_position, 0),
       count(*) FILTER (WHERE d.status = 'won'), count(*) FILTER (WHERE d.status = 'lost')
  FROM deals d
  LEFT JOIN analytics_deal_reach r ON r.deal_id = d.id
 CROSS JOIN LATERAL analytics_close_buckets(d.closed_at) b
 WHERE d.status IN ('won', 'lost')
 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO analytics_outcome_assets
       (workspace_id, asset_id, span, bucket, reached_position, won, lost, won_revenue_minor)
SELECT d.workspace_id, p.asset_id, b.span, b.bucket, coalesce(r.reached_position, 0),
       count(*) FILTER (WHERE d.status = 'won'), count(*) FILTER (WHERE d.status = 'lost'),
       coalesce(sum(d.amount_minor) FILTER (WHERE d.status = 'won'), 0)
  FROM (SELECT DISTINCT deal_id, asset_id FROM analytics_deal_assets) p
  JOIN deals d ON d.id = p.deal_id
  LEFT JOIN analytics_deal_reach r ON r.deal_id = d.id
 CROSS JOIN LATERAL analytics_close_buckets(d.closed_at) b
 WHERE d.status IN ('won', 'lost')
 GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO analytics_outcome_stages
       (workspace_id, asset_id, stage_id, span, bucket, won, lost, won_revenue_minor)
SELECT d.workspace_id, da.asset_id, da.stage_id, b.span, b.bucket,
       count(*) FILTER (WHERE d.status = 'won'), count(*) FILTER (WHERE d.status = 'lost'),
       coalesce(sum(d.amount_minor) FILTER (WHERE d.status = 'won'), 0)
  FROM analytics_deal_assets da
  JOIN deals d ON d.id = da.deal_id
 CROSS JOIN LATERAL analytics_close_buckets(d.closed_at) b
 WHERE d.status IN ('won', 'lost')
 GROUP BY 1, 2, 3, 4, 5;
