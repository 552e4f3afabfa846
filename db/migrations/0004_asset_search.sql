ALTER TABLE "assets" ADD COLUMN "search_vector" "tsvector";--> statement-breakpoint
CREATE INDEX "asset_versions_file_idx" ON "asset_versions" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "assets_search_vector_idx" ON "assets" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "assets_title_trgm_idx" ON "assets" USING gin (lower("title") gin_trgm_ops);