-- One recorded shape for a search's filters (lib/schemas/search.ts, recordedFilters): the search page
-- stored its query string as typed (comma-separated strings, any parameter), the API stored arrays and
-- its sort. Rewritten to what both doors now record: only the chosen filters, lists as arrays of trimmed,
-- distinct values, freshness as a string; searches with no filter keep an empty object. Idempotent.
WITH reshaped AS (
  SELECT e.id,
    coalesce((
      SELECT jsonb_object_agg(f.key, f.value)
      FROM (
        SELECT kv.key,
          CASE
            WHEN kv.key = 'freshness' THEN kv.value
            WHEN jsonb_typeof(kv.value) = 'array' THEN (
              SELECT coalesce(jsonb_agg(DISTINCT btrim(v.value #>> '{}')), '[]'::jsonb)
              FROM jsonb_array_elements(kv.value) v
              WHERE btrim(v.value #>> '{}') <> ''
            )
            WHEN jsonb_typeof(kv.value) = 'string' THEN (
              SELECT coalesce(jsonb_agg(DISTINCT btrim(part)), '[]'::jsonb)
              FROM unnest(string_to_array(kv.value #>> '{}', ',')) part
              WHERE btrim(part) <> ''
            )
            ELSE NULL
          END AS value
        FROM jsonb_each(e.filters) kv
        WHERE kv.key IN ('stageIds', 'types', 'productIds', 'industryIds', 'personaIds', 'regionIds',
                         'competitorIds', 'ownerIds', 'freshness')
      ) f
      WHERE f.value IS NOT NULL AND f.value <> '[]'::jsonb
    ), '{}'::jsonb) AS filters
  FROM activity_events e
  WHERE e.kind = 'search' AND jsonb_typeof(e.filters) = 'object'
)
UPDATE activity_events a
SET filters = r.filters
FROM reshaped r
WHERE a.id = r.id AND a.filters IS DISTINCT FROM r.filters;
