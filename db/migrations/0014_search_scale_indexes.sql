ALTER TABLE "assets" ADD COLUMN "facet_keys" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
CREATE INDEX "assets_search_head_idx" ON "assets" USING gin ("search_head");--> statement-breakpoint
CREATE INDEX "assets_facet_keys_idx" ON "assets" USING gin ("facet_keys");--> statement-breakpoint
CREATE INDEX "assets_fresh_idx" ON "assets" USING btree ("workspace_id",(coalesce("published_at", "created_at")) desc,"id" desc);