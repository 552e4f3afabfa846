-- Keeps assets.search_vector correct whatever feeds it changes: the asset's title, description or current
-- version, its tags (added, removed, renamed), the current file's extracted text (filled in later by the
-- processing job), and the workspace's search language. Runs on PostgreSQL 15+ and PGlite.

-- The text-search configuration a workspace stems with; an unknown name falls back to english.
CREATE OR REPLACE FUNCTION workspace_search_config(p_workspace_id uuid) RETURNS regconfig
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT c.oid::regconfig
       FROM workspaces w
       JOIN pg_catalog.pg_ts_config c ON c.cfgname = w.search_language
      WHERE w.id = p_workspace_id
      ORDER BY c.cfgnamespace = 'pg_catalog'::regnamespace DESC
      LIMIT 1),
    'english'::regconfig)
$$;
--> statement-breakpoint

-- The weighted document: title (A) > tag names (B) > description (C) > extracted text (D). Title and tags
-- are also indexed unstemmed ('simple'), so a word typed past its stem ("kestrelwi" of "Kestrelwing",
-- stemmed to "kestrelw") still prefix-matches while typing. The body is capped so a huge text cannot exceed tsvector's 1 MB limit and fail the write that triggered it.
CREATE OR REPLACE FUNCTION asset_search_vector(
  p_workspace_id uuid,
  p_asset_id uuid,
  p_title text,
  p_description text,
  p_version_id uuid
) RETURNS tsvector
LANGUAGE plpgsql STABLE AS $$
DECLARE
  cfg regconfig := workspace_search_config(p_workspace_id);
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
  RETURN setweight(to_tsvector(cfg, coalesce(p_title, '')), 'A')
      || setweight(to_tsvector('simple', coalesce(p_title, '')), 'A')
      || setweight(to_tsvector(cfg, coalesce(tag_names, '')), 'B')
      || setweight(to_tsvector('simple', coalesce(tag_names, '')), 'B')
      || setweight(to_tsvector(cfg, coalesce(p_description, '')), 'C')
      || setweight(to_tsvector(cfg, coalesce(body, '')), 'D');
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION refresh_asset_search_vectors(p_asset_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE assets a
     SET search_vector = asset_search_vector(a.workspace_id, a.id, a.title, a.description, a.current_version_id)
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
     AND NEW.search_vector IS NOT NULL THEN
    RETURN NEW;
  END IF;
  NEW.search_vector := asset_search_vector(
    NEW.workspace_id, NEW.id, NEW.title, NEW.description, NEW.current_version_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint

CREATE TRIGGER assets_search_vector
  BEFORE INSERT OR UPDATE OF title, description, current_version_id ON assets
  FOR EACH ROW EXECUTE FUNCTION assets_search_vector_trigger();
--> statement-breakpoint

-- Tag links: one refresh per statement, so a bulk edit or a merge touching many assets stays one pass.
CREATE OR REPLACE FUNCTION asset_terms_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_asset_search_vectors(ARRAY(SELECT DISTINCT asset_id FROM changed_links));
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE TRIGGER asset_terms_search_insert
  AFTER INSERT ON asset_terms REFERENCING NEW TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION asset_terms_search_trigger();
--> statement-breakpoint

CREATE TRIGGER asset_terms_search_delete
  AFTER DELETE ON asset_terms REFERENCING OLD TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION asset_terms_search_trigger();
--> statement-breakpoint

-- An asset may point at its current version before that version's row is inserted (bulk seeding inserts
-- assets, then versions); the body is picked up once the version exists.
CREATE OR REPLACE FUNCTION asset_versions_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_asset_search_vectors(ARRAY(
    SELECT a.id
      FROM changed_versions v
      JOIN assets a ON a.id = v.asset_id AND a.current_version_id = v.id));
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE TRIGGER asset_versions_search_insert
  AFTER INSERT ON asset_versions REFERENCING NEW TABLE AS changed_versions
  FOR EACH STATEMENT EXECUTE FUNCTION asset_versions_search_trigger();
--> statement-breakpoint

-- The processing job fills extracted_text after upload; every asset whose current version uses that file
-- picks it up.
CREATE OR REPLACE FUNCTION files_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_asset_search_vectors(ARRAY(
    SELECT v.asset_id
      FROM asset_versions v
      JOIN assets a ON a.id = v.asset_id AND a.current_version_id = v.id
     WHERE v.file_id = NEW.id));
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE TRIGGER files_search_text
  AFTER UPDATE OF extracted_text ON files
  FOR EACH ROW WHEN (OLD.extracted_text IS DISTINCT FROM NEW.extracted_text)
  EXECUTE FUNCTION files_search_trigger();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION taxonomy_terms_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_asset_search_vectors(ARRAY(SELECT asset_id FROM asset_terms WHERE term_id = NEW.id));
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE TRIGGER taxonomy_terms_search_name
  AFTER UPDATE OF name ON taxonomy_terms
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION taxonomy_terms_search_trigger();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION workspaces_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_asset_search_vectors(ARRAY(SELECT id FROM assets WHERE workspace_id = NEW.id));
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE TRIGGER workspaces_search_language
  AFTER UPDATE OF search_language ON workspaces
  FOR EACH ROW WHEN (OLD.search_language IS DISTINCT FROM NEW.search_language)
  EXECUTE FUNCTION workspaces_search_trigger();
--> statement-breakpoint

-- Backfill every existing asset.
UPDATE assets
   SET search_vector = asset_search_vector(workspace_id, id, title, description, current_version_id);
