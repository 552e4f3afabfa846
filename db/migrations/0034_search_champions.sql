-- Champion lists (db/schema/search.ts): for searches whose words are in more titles than a search ranks
-- exactly, the titles that score highest, kept current by triggers, so the first pages of such a search come
-- out in exact relevance order without ranking thousands of titles per keystroke.
CREATE TABLE "search_champion_lists" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"tsquery" "tsquery" NOT NULL,
	"exact_tsquery" text NOT NULL,
	"threshold" double precision DEFAULT 0 NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"built_at" timestamp with time zone,
	"searched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_champions" (
	"list_id" bigint NOT NULL,
	"asset_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	CONSTRAINT "search_champions_list_id_asset_id_pk" PRIMARY KEY("list_id","asset_id")
);
--> statement-breakpoint
ALTER TABLE "search_champion_lists" ADD CONSTRAINT "search_champion_lists_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_champions" ADD CONSTRAINT "search_champions_list_id_search_champion_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."search_champion_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_champions" ADD CONSTRAINT "search_champions_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "search_champion_lists_key" ON "search_champion_lists" USING btree ("workspace_id","tsquery","exact_tsquery");--> statement-breakpoint
CREATE INDEX "search_champion_lists_pending_idx" ON "search_champion_lists" USING btree ("requested_at") WHERE "search_champion_lists"."built_at" is null;--> statement-breakpoint
CREATE INDEX "search_champions_rank_idx" ON "search_champions" USING btree ("list_id","score" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "search_champions_asset_idx" ON "search_champions" USING btree ("asset_id");--> statement-breakpoint

-- An asset's relevance for a search's words, as an exact search ranks its hits (server/search/text-query.ts
-- textMatch: a head hit scores 1 + 0.8 * ts_rank_cd over the head, a title hit 1 more, and containing the
-- words as typed adds 0.1). Champion lists are ranked by it; a test keeps the two in step.
CREATE OR REPLACE FUNCTION search_title_score(p_head tsvector, p_exact tsvector, p_query tsquery, p_exact_query tsquery)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE WHEN p_head @@ p_query THEN 1 + 0.8 * ts_rank_cd(p_head, p_query, 32)::float8
            + CASE WHEN coalesce(ts_filter(p_head, '{a}') @@ p_query, false) THEN 1 ELSE 0 END ELSE 0 END
          + CASE WHEN coalesce(numnode(p_exact_query) > 0 AND p_exact @@ p_exact_query, false) THEN 0.1 ELSE 0 END
         )::float8
$$;
--> statement-breakpoint

-- Builds (or rebuilds) a list: the p_size titles that score highest, strictly above the score of the next one,
-- which becomes the threshold. Under the workspace's exclusive champion lock (advisory family 1931): asset
-- writes in flight finish first and are read, and those that come later wait and then keep the list current
-- (search_champions_keep_current takes the same lock, shared).
CREATE OR REPLACE FUNCTION build_search_champion_list(p_list_id bigint, p_size int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  l search_champion_lists;
  ids uuid[];
  scores float8[];
  cut float8;
BEGIN
  SELECT * INTO l FROM search_champion_lists WHERE id = p_list_id FOR UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(1931, hashtext(l.workspace_id::text));
  DELETE FROM search_champions WHERE list_id = l.id;
  SELECT array_agg(s.id ORDER BY s.score DESC), array_agg(s.score ORDER BY s.score DESC)
    INTO ids, scores
    FROM (SELECT a.id, search_title_score(a.search_head, a.search_exact, l.tsquery, nullif(l.exact_tsquery, '')::tsquery) AS score
            FROM (SELECT * FROM assets
                   WHERE workspace_id = l.workspace_id AND ts_filter(search_head, '{a}') @@ l.tsquery OFFSET 0) a
           ORDER BY 2 DESC
           LIMIT p_size + 1) s;
  cut := CASE WHEN coalesce(array_length(ids, 1), 0) > p_size THEN scores[p_size + 1] ELSE 0 END;
  INSERT INTO search_champions (list_id, asset_id, score)
  SELECT l.id, m.id, m.score FROM unnest(ids[1:p_size], scores[1:p_size]) AS m(id, score) WHERE m.score > cut;
  UPDATE search_champion_lists SET threshold = cut, built_at = now() WHERE id = l.id;
END
$$;
--> statement-breakpoint

-- Keeps every built list of the asset's workspace current: the asset leaves the lists it was in and joins
-- those whose titles it matches with a score above the threshold. Nothing outside a list ever scores above
-- its threshold, so its members stay the exact top (a list only shrinks; the sweep rebuilds short ones).
CREATE OR REPLACE FUNCTION search_champions_keep_current() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM search_champion_lists WHERE workspace_id = NEW.workspace_id) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(1931, hashtext(NEW.workspace_id::text));
  DELETE FROM search_champions WHERE asset_id = NEW.id;
  INSERT INTO search_champions (list_id, asset_id, score)
  SELECT m.list_id, NEW.id, m.score
    FROM (SELECT l.id AS list_id, l.threshold,
                 search_title_score(NEW.search_head, NEW.search_exact, l.tsquery, nullif(l.exact_tsquery, '')::tsquery) AS score
            FROM search_champion_lists l
           WHERE l.workspace_id = NEW.workspace_id AND l.built_at IS NOT NULL
             AND coalesce(ts_filter(NEW.search_head, '{a}') @@ l.tsquery, false)) m
   WHERE m.score > m.threshold;
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE TRIGGER assets_search_champions_inserted AFTER INSERT ON assets
  FOR EACH ROW WHEN (NEW.search_head IS NOT NULL) EXECUTE FUNCTION search_champions_keep_current();
--> statement-breakpoint

CREATE TRIGGER assets_search_champions_updated AFTER UPDATE ON assets
  FOR EACH ROW WHEN (OLD.search_head IS DISTINCT FROM NEW.search_head OR OLD.search_exact IS DISTINCT FROM NEW.search_exact)
  EXECUTE FUNCTION search_champions_keep_current();
