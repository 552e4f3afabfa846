-- assets.search_exact: the document's words as written (title, tags, description, extracted text), unstemmed
-- ('simple') and stripped of positions. A search looks up, through its GIN index, which of its hits contain
-- the words as typed, and ranks those above hits that only share a stem ("Contoso" above "contosos"). The
-- stemmed vectors (search_vector, search_head) are unchanged.
ALTER TABLE "assets" ADD COLUMN IF NOT EXISTS "search_exact" "tsvector";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "assets_search_exact_idx" ON "assets" USING gin ("search_exact");--> statement-breakpoint

CREATE OR REPLACE FUNCTION asset_search_exact(
  p_asset_id uuid,
  p_title text,
  p_description text,
  p_version_id uuid
) RETURNS tsvector
LANGUAGE plpgsql STABLE AS $$
DECLARE
  tag_names text;
  body text;
BEGIN
  SELECT string_agg(t.name, ' ') INTO tag_names
    FROM asset_terms l
    JOIN taxonomy_terms t ON t.id = l.term_id
   WHERE l.asset_id = p_asset_id;
  SELECT left(f.extracted_text, 200000) INTO body
    FROM asset_versions v
    JOIN files f ON f.id = v.file_id
   WHERE v.id = p_version_id;
  RETURN strip(to_tsvector('simple', concat_ws(' ', p_title, tag_names, p_description, body)));
END
$$;
--> statement-breakpoint

-- Every refresh (tags, versions, extracted text, renamed terms, search language) also refreshes the exact forms.
CREATE OR REPLACE FUNCTION refresh_asset_search_vectors(p_asset_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE assets a
     SET search_vector = asset_search_vector(a.workspace_id, a.id, a.title, a.description, a.current_version_id),
         search_head = asset_search_head(a.workspace_id, a.id, a.title, a.description),
         search_exact = asset_search_exact(a.id, a.title, a.description, a.current_version_id)
   WHERE a.id = ANY (p_asset_ids)
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION assets_search_vector_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.title IS NOT DISTINCT FROM OLD.title
     AND NEW.description IS NOT DISTINCT FROM OLD.description
     AND NEW.current_version_id IS NOT DISTINCT FROM OLD.current_version_id
     AND NEW.search_vector IS NOT NULL
     AND NEW.search_head IS NOT NULL
     AND NEW.search_exact IS NOT NULL THEN
    RETURN NEW;
  END IF;
  NEW.search_vector := asset_search_vector(
    NEW.workspace_id, NEW.id, NEW.title, NEW.description, NEW.current_version_id);
  NEW.search_head := asset_search_head(NEW.workspace_id, NEW.id, NEW.title, NEW.description);
  NEW.search_exact := asset_search_exact(NEW.id, NEW.title, NEW.description, NEW.current_version_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint

-- Backfill: only the exact forms; the stemmed vectors are unchanged.
UPDATE assets
   SET search_exact = asset_search_exact(id, title, description, current_version_id)
 WHERE search_exact IS NULL;
