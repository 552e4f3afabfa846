-- Champion lists, second round (see migration 0034 and db/schema/search.ts):
-- * Keyed by the tsquery's text: tsquery equality ignores prefix marks ('quokka':* = 'quokka'), so a prefix
--   search and a quoted one shared a list and one was served the other's members.
-- * A list is rebuilt in place when it falls to half of the members it was built with (built_count), not
--   below half of the list size: a common word's titles mostly tie at the cut, so a fresh list can be short,
--   and was marked unbuilt by the very sweep that built it. A list being rebuilt is still served.
-- * One lock order everywhere: the workspace's champion lock (advisory family 1931) before any list row.
--   Asset triggers take it shared, always (a build waits for every asset write in flight, even one that began
--   before the list was asked for); builds, evictions and a change of search language take it exclusively.
-- * The update trigger fires only for updates that can change the vectors (their inputs or the vectors
--   themselves), so a status or sharing change no longer compares two documents.
DROP INDEX "search_champion_lists_pending_idx";--> statement-breakpoint
ALTER TABLE "search_champion_lists" ALTER COLUMN "tsquery" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "search_champion_lists" ADD COLUMN "built_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "search_champion_lists" ADD COLUMN "rebuild_requested_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "search_champion_lists_pending_idx" ON "search_champion_lists" USING btree ("requested_at") WHERE "search_champion_lists"."built_at" is null or "search_champion_lists"."rebuild_requested_at" is not null;
--> statement-breakpoint

DROP FUNCTION IF EXISTS build_search_champion_list(bigint, int);
--> statement-breakpoint

CREATE FUNCTION build_search_champion_list(p_list_id bigint, p_size int) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  ws uuid;
  l search_champion_lists;
  q tsquery;
  exact_q tsquery;
  ids uuid[];
  scores float8[];
  cut float8;
  n int;
BEGIN
  SELECT workspace_id INTO ws FROM search_champion_lists WHERE id = p_list_id;
  IF NOT FOUND THEN RETURN false; END IF;
  PERFORM pg_advisory_xact_lock(1931, hashtext(ws::text));
  -- Under the lock, in a new snapshot: another instance may have built it, or the sweep dropped it.
  SELECT * INTO l FROM search_champion_lists
   WHERE id = p_list_id AND (built_at IS NULL OR rebuild_requested_at IS NOT NULL);
  IF NOT FOUND THEN RETURN false; END IF;
  q := l.tsquery::tsquery;
  exact_q := nullif(l.exact_tsquery, '')::tsquery;
  SELECT array_agg(s.id ORDER BY s.score DESC), array_agg(s.score ORDER BY s.score DESC)
    INTO ids, scores
    FROM (SELECT a.id, search_title_score(a.search_head, a.search_exact, q, exact_q) AS score
            FROM (SELECT * FROM assets
                   WHERE workspace_id = l.workspace_id AND ts_filter(search_head, '{a}') @@ q OFFSET 0) a
           ORDER BY 2 DESC
           LIMIT p_size + 1) s;
  cut := CASE WHEN coalesce(array_length(ids, 1), 0) > p_size THEN scores[p_size + 1] ELSE 0 END;
  DELETE FROM search_champions WHERE list_id = l.id;
  INSERT INTO search_champions (list_id, asset_id, score)
  SELECT l.id, m.id, m.score FROM unnest(ids[1:p_size], scores[1:p_size]) AS m(id, score) WHERE m.score > cut;
  GET DIAGNOSTICS n = ROW_COUNT;
  UPDATE search_champion_lists
     SET threshold = cut, built_at = now(), built_count = n, rebuild_requested_at = NULL
   WHERE id = l.id;
  RETURN true;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION search_champions_keep_current() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(1931, hashtext(NEW.workspace_id::text));
  IF NOT EXISTS (SELECT 1 FROM search_champion_lists WHERE workspace_id = NEW.workspace_id AND built_at IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  DELETE FROM search_champions WHERE asset_id = NEW.id;
  INSERT INTO search_champions (list_id, asset_id, score)
  SELECT m.list_id, NEW.id, m.score
    FROM (SELECT l.id AS list_id, l.threshold,
                 search_title_score(NEW.search_head, NEW.search_exact, l.tsquery::tsquery,
                                    nullif(l.exact_tsquery, '')::tsquery) AS score
            FROM (SELECT ts_filter(NEW.search_head, '{a}') AS title) t
            JOIN search_champion_lists l ON l.workspace_id = NEW.workspace_id AND l.built_at IS NOT NULL
           WHERE coalesce(t.title @@ l.tsquery::tsquery, false)) m
   WHERE m.score > m.threshold;
  RETURN NULL;
END
$$;
--> statement-breakpoint

DROP TRIGGER IF EXISTS assets_search_champions_updated ON assets;
--> statement-breakpoint

CREATE TRIGGER assets_search_champions_updated
  AFTER UPDATE OF title, description, current_version_id, search_vector, search_head, search_exact ON assets
  FOR EACH ROW WHEN (OLD.search_head IS DISTINCT FROM NEW.search_head OR OLD.search_exact IS DISTINCT FROM NEW.search_exact)
  EXECUTE FUNCTION search_champions_keep_current();
--> statement-breakpoint

-- A new search language changes every tsquery: the workspace's lists would never be found again, yet every
-- asset's refresh would still score it against each of them.
CREATE OR REPLACE FUNCTION search_champions_forget_workspace() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1931, hashtext(NEW.id::text));
  DELETE FROM search_champion_lists WHERE workspace_id = NEW.id;
  RETURN NEW;
END
$$;
--> statement-breakpoint

CREATE TRIGGER workspaces_search_champions_language
  BEFORE UPDATE OF search_language ON workspaces
  FOR EACH ROW WHEN (OLD.search_language IS DISTINCT FROM NEW.search_language)
  EXECUTE FUNCTION search_champions_forget_workspace();
