-- assets.search_head: the search document without the extracted text (title A, tags B, description C, as in
-- 0005). Ranking reads it instead of search_vector, whose body is compressed out of line: with thousands of
-- hits, decompressing every body to rank it cost seconds (npm run bench:search). search_vector still
-- decides what matches (through its GIN index) and is kept exactly as before.

CREATE OR REPLACE FUNCTION asset_search_head(
  p_workspace_id uuid,
  p_asset_id uuid,
  p_title text,
  p_description text
) RETURNS tsvector
LANGUAGE plpgsql STABLE AS $$
DECLARE
  cfg regconfig := workspace_search_config(p_workspace_id);
  tag_names text;
BEGIN
  SELECT string_agg(t.name, ' ') INTO tag_names
    FROM asset_terms l
    JOIN taxonomy_terms t ON t.id = l.term_id
   WHERE l.asset_id = p_asset_id;
  RETURN setweight(to_tsvector(cfg, coalesce(p_title, '')), 'A')
      || setweight(to_tsvector('simple', coalesce(p_title, '')), 'A')
      || setweight(to_tsvector(cfg, coalesce(tag_names, '')), 'B')
      || setweight(to_tsvector('simple', coalesce(tag_names, '')), 'B')
      || setweight(to_tsvector(cfg, coalesce(p_description, '')), 'C');
END
$$;
--> statement-breakpoint

-- The full document is the head followed by the body, exactly the vector 0005 built.
CREATE OR REPLACE FUNCTION asset_search_vector(
  p_workspace_id uuid,
  p_asset_id uuid,
  p_title text,
  p_description text,
  p_version_id uuid
) RETURNS tsvector
LANGUAGE plpgsql STABLE AS $$
DECLARE
  body text;
BEGIN
  SELECT left(f.extracted_text, 200000) INTO body
    FROM asset_versions v
    JOIN files f ON f.id = v.file_id
   WHERE v.id = p_version_id;
  RETURN asset_search_head(p_workspace_id, p_asset_id, p_title, p_description)
      || setweight(to_tsvector(workspace_search_config(p_workspace_id), coalesce(body, '')), 'D');
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION refresh_asset_search_vectors(p_asset_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE assets a
     SET search_vector = asset_search_vector(a.workspace_id, a.id, a.title, a.description, a.current_version_id),
         search_head = asset_search_head(a.workspace_id, a.id, a.title, a.description)
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
     AND NEW.search_head IS NOT NULL THEN
    RETURN NEW;
  END IF;
  NEW.search_vector := asset_search_vector(
    NEW.workspace_id, NEW.id, NEW.title, NEW.description, NEW.current_version_id);
  NEW.search_head := asset_search_head(NEW.workspace_id, NEW.id, NEW.title, NEW.description);
  RETURN NEW;
END
$$;
--> statement-breakpoint

-- Backfill: only the head; search_vector is unchanged.
UPDATE assets
   SET search_head = asset_search_head(workspace_id, id, title, description);
