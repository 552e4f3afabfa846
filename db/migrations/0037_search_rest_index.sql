-- The tags' and descriptions' lexemes of the head (weights B and C), indexed on their own: a broad search's
-- titles that also match there rank first for a single word (server/search/search-assets.ts, tiersOf).
CREATE INDEX "assets_search_rest_idx" ON "assets" USING gin (ts_filter("search_head", '{b,c}'));