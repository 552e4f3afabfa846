CREATE TABLE "analytics_asset_daily" (
	"workspace_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"downloads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_asset_daily_asset_id_day_pk" PRIMARY KEY("asset_id","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_deal_assets" (
	"workspace_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"usages" integer NOT NULL,
	"first_used_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analytics_deal_assets_deal_id_asset_id_stage_id_pk" PRIMARY KEY("deal_id","asset_id","stage_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_deal_reach" (
	"deal_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"reached_position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_usage_daily" (
	"workspace_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"day" date NOT NULL,
	"usages" integer NOT NULL,
	CONSTRAINT "analytics_usage_daily_asset_id_stage_id_day_pk" PRIMARY KEY("asset_id","stage_id","day")
);
--> statement-breakpoint
ALTER TABLE "analytics_asset_daily" ADD CONSTRAINT "analytics_asset_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_asset_daily" ADD CONSTRAINT "analytics_asset_daily_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_deal_assets" ADD CONSTRAINT "analytics_deal_assets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_deal_assets" ADD CONSTRAINT "analytics_deal_assets_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_deal_assets" ADD CONSTRAINT "analytics_deal_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_deal_assets" ADD CONSTRAINT "analytics_deal_assets_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_deal_reach" ADD CONSTRAINT "analytics_deal_reach_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_deal_reach" ADD CONSTRAINT "analytics_deal_reach_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_usage_daily" ADD CONSTRAINT "analytics_usage_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_usage_daily" ADD CONSTRAINT "analytics_usage_daily_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_usage_daily" ADD CONSTRAINT "analytics_usage_daily_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_asset_daily_workspace_day_idx" ON "analytics_asset_daily" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE INDEX "analytics_deal_assets_asset_idx" ON "analytics_deal_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "analytics_deal_assets_workspace_idx" ON "analytics_deal_assets" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "analytics_deal_reach_workspace_idx" ON "analytics_deal_reach" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "analytics_usage_daily_workspace_day_idx" ON "analytics_usage_daily" USING btree ("workspace_id","day");