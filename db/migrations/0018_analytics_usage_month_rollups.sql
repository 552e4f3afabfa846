CREATE TABLE "analytics_stage_usage_daily" (
	"workspace_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"day" date NOT NULL,
	"usages" integer NOT NULL,
	CONSTRAINT "analytics_stage_usage_daily_workspace_id_stage_id_day_pk" PRIMARY KEY("workspace_id","stage_id","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_usage_monthly" (
	"workspace_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"month" date NOT NULL,
	"usages" integer NOT NULL,
	CONSTRAINT "analytics_usage_monthly_asset_id_stage_id_month_pk" PRIMARY KEY("asset_id","stage_id","month")
);
--> statement-breakpoint
ALTER TABLE "analytics_stage_usage_daily" ADD CONSTRAINT "analytics_stage_usage_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_usage_daily" ADD CONSTRAINT "analytics_stage_usage_daily_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_usage_monthly" ADD CONSTRAINT "analytics_usage_monthly_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_usage_monthly" ADD CONSTRAINT "analytics_usage_monthly_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_usage_monthly" ADD CONSTRAINT "analytics_usage_monthly_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_usage_monthly_workspace_idx" ON "analytics_usage_monthly" USING btree ("workspace_id","month");