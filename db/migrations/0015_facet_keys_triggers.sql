-- assets.facet_keys: the asset's stage ids and term ids in one sorted array, kept equal to asset_stages and
-- asset_terms by the statement-level triggers below (one UPDATE per statement, so bulk tagging stays one pass).
-- Search filters and facet counts read it through its GIN index instead of joining the link tables.

CREATE OR REPLACE FUNCTION refresh_asset_facet_keys(p_asset_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE assets a
     SET facet_keys = ARRAY(
           SELECT k FROM (
             SELECT s.stage_id AS k FROM asset_stages s WHERE s.asset_id = a.id
             UNION ALL
             SELECT l.term_id FROM asset_terms l WHERE l.asset_id = a.id
           ) keys ORDER BY k)
   WHERE a.id = ANY(p_asset_ids);
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION asset_facet_links_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_asset_facet_keys(ARRAY(SELECT DISTINCT asset_id FROM changed_links));
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE TRIGGER asset_stages_facet_insert
  AFTER INSERT ON asset_stages REFERENCING NEW TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION asset_facet_links_trigger();
--> statement-breakpoint

CREATE TRIGGER asset_stages_facet_delete
  AFTER DELETE ON asset_stages REFERENCING OLD TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION asset_facet_links_trigger();
--> statement-breakpoint

CREATE TRIGGER asset_terms_facet_insert
  AFTER INSERT ON asset_terms REFERENCING NEW TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION asset_facet_links_trigger();
--> statement-breakpoint

CREATE TRIGGER asset_terms_facet_delete
  AFTER DELETE ON asset_terms REFERENCING OLD TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION asset_facet_links_trigger();
--> statement-breakpoint

-- Existing assets.
SELECT refresh_asset_facet_keys(ARRAY(SELECT id FROM assets));
