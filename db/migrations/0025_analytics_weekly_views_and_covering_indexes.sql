CREATE TABLE "analytics_workspace_views_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer NOT NULL,
	"downloads" integer NOT NULL,
	CONSTRAINT "analytics_workspace_views_daily_workspace_id_day_pk" PRIMARY KEY("workspace_id","day")
);
--> statement-breakpoint
DROP INDEX "analytics_usage_monthly_workspace_idx";--> statement-breakpoint
ALTER TABLE "analytics_workspace_views_daily" ADD CONSTRAINT "analytics_workspace_views_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_usage_daily_workspace_day_cover_idx" ON "analytics_usage_daily" USING btree ("workspace_id","day","asset_id","stage_id","usages");--> statement-breakpoint
CREATE INDEX "analytics_usage_monthly_workspace_idx" ON "analytics_usage_monthly" USING btree ("workspace_id","month","asset_id","stage_id","usages");