CREATE TABLE "analytics_asset_rep_latest" (
	"asset_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analytics_asset_rep_latest_asset_id_owner_id_pk" PRIMARY KEY("asset_id","owner_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_asset_stage_usage" (
	"workspace_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"span" text NOT NULL,
	"bucket" date NOT NULL,
	"usages" integer NOT NULL,
	"deals" integer NOT NULL,
	"reps" integer NOT NULL,
	CONSTRAINT "analytics_asset_stage_usage_asset_id_stage_id_span_bucket_pk" PRIMARY KEY("asset_id","stage_id","span","bucket"),
	CONSTRAINT "analytics_asset_stage_usage_span_check" CHECK (span IN ('day', 'month', 'year'))
);
--> statement-breakpoint
CREATE TABLE "analytics_asset_usage" (
	"workspace_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"span" text NOT NULL,
	"bucket" date NOT NULL,
	"usages" integer NOT NULL,
	"deals" integer NOT NULL,
	"reps" integer NOT NULL,
	CONSTRAINT "analytics_asset_usage_asset_id_span_bucket_pk" PRIMARY KEY("asset_id","span","bucket"),
	CONSTRAINT "analytics_asset_usage_span_check" CHECK (span IN ('day', 'month', 'year'))
);
--> statement-breakpoint
CREATE TABLE "analytics_deal_asset_latest" (
	"deal_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analytics_deal_asset_latest_deal_id_asset_id_pk" PRIMARY KEY("deal_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_outcome_assets" (
	"workspace_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"span" text NOT NULL,
	"bucket" date NOT NULL,
	"reached_position" integer NOT NULL,
	"won" integer NOT NULL,
	"lost" integer NOT NULL,
	"won_revenue_minor" bigint NOT NULL,
	CONSTRAINT "analytics_outcome_assets_asset_id_span_bucket_reached_position_pk" PRIMARY KEY("asset_id","span","bucket","reached_position"),
	CONSTRAINT "analytics_outcome_assets_span_check" CHECK (span IN ('day', 'month', 'year'))
);
--> statement-breakpoint
CREATE TABLE "analytics_outcome_reach" (
	"workspace_id" uuid NOT NULL,
	"span" text NOT NULL,
	"bucket" date NOT NULL,
	"reached_position" integer NOT NULL,
	"won" integer NOT NULL,
	"lost" integer NOT NULL,
	CONSTRAINT "analytics_outcome_reach_workspace_id_span_bucket_reached_position_pk" PRIMARY KEY("workspace_id","span","bucket","reached_position"),
	CONSTRAINT "analytics_outcome_reach_span_check" CHECK (span IN ('day', 'month', 'year'))
);
--> statement-breakpoint
CREATE TABLE "analytics_outcome_stages" (
	"workspace_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"span" text NOT NULL,
	"bucket" date NOT NULL,
	"won" integer NOT NULL,
	"lost" integer NOT NULL,
	"won_revenue_minor" bigint NOT NULL,
	CONSTRAINT "analytics_outcome_stages_asset_id_stage_id_span_bucket_pk" PRIMARY KEY("asset_id","stage_id","span","bucket"),
	CONSTRAINT "analytics_outcome_stages_span_check" CHECK (span IN ('day', 'month', 'year'))
);
--> statement-breakpoint
CREATE TABLE "analytics_rep_activity" (
	"workspace_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"day" date NOT NULL,
	"uses" integer NOT NULL,
	CONSTRAINT "analytics_rep_activity_workspace_id_owner_id_day_pk" PRIMARY KEY("workspace_id","owner_id","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_stage_rep_latest" (
	"asset_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analytics_stage_rep_latest_asset_id_stage_id_owner_id_pk" PRIMARY KEY("asset_id","stage_id","owner_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_stage_usage_daily" (
	"workspace_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"day" date NOT NULL,
	"usages" integer NOT NULL,
	CONSTRAINT "analytics_stage_usage_daily_workspace_id_stage_id_day_pk" PRIMARY KEY("workspace_id","stage_id","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_stage_use_owner" (
	"deal_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analytics_stage_use_owner_deal_id_asset_id_stage_id_pk" PRIMARY KEY("deal_id","asset_id","stage_id")
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
CREATE TABLE "analytics_workspace_views_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer NOT NULL,
	"downloads" integer NOT NULL,
	CONSTRAINT "analytics_workspace_views_daily_workspace_id_day_pk" PRIMARY KEY("workspace_id","day")
);
--> statement-breakpoint
ALTER TABLE "analytics_asset_rep_latest" ADD CONSTRAINT "analytics_asset_rep_latest_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_asset_rep_latest" ADD CONSTRAINT "analytics_asset_rep_latest_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_asset_stage_usage" ADD CONSTRAINT "analytics_asset_stage_usage_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_asset_stage_usage" ADD CONSTRAINT "analytics_asset_stage_usage_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_asset_stage_usage" ADD CONSTRAINT "analytics_asset_stage_usage_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_asset_usage" ADD CONSTRAINT "analytics_asset_usage_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_asset_usage" ADD CONSTRAINT "analytics_asset_usage_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_deal_asset_latest" ADD CONSTRAINT "analytics_deal_asset_latest_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_deal_asset_latest" ADD CONSTRAINT "analytics_deal_asset_latest_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_deal_asset_latest" ADD CONSTRAINT "analytics_deal_asset_latest_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_outcome_assets" ADD CONSTRAINT "analytics_outcome_assets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_outcome_assets" ADD CONSTRAINT "analytics_outcome_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_outcome_reach" ADD CONSTRAINT "analytics_outcome_reach_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_outcome_stages" ADD CONSTRAINT "analytics_outcome_stages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_outcome_stages" ADD CONSTRAINT "analytics_outcome_stages_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_outcome_stages" ADD CONSTRAINT "analytics_outcome_stages_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_rep_activity" ADD CONSTRAINT "analytics_rep_activity_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_rep_latest" ADD CONSTRAINT "analytics_stage_rep_latest_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_rep_latest" ADD CONSTRAINT "analytics_stage_rep_latest_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_rep_latest" ADD CONSTRAINT "analytics_stage_rep_latest_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_usage_daily" ADD CONSTRAINT "analytics_stage_usage_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_usage_daily" ADD CONSTRAINT "analytics_stage_usage_daily_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_use_owner" ADD CONSTRAINT "analytics_stage_use_owner_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_use_owner" ADD CONSTRAINT "analytics_stage_use_owner_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_use_owner" ADD CONSTRAINT "analytics_stage_use_owner_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_use_owner" ADD CONSTRAINT "analytics_stage_use_owner_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_usage_monthly" ADD CONSTRAINT "analytics_usage_monthly_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_usage_monthly" ADD CONSTRAINT "analytics_usage_monthly_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_usage_monthly" ADD CONSTRAINT "analytics_usage_monthly_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_workspace_views_daily" ADD CONSTRAINT "analytics_workspace_views_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_asset_stage_usage_workspace_idx" ON "analytics_asset_stage_usage" USING btree ("workspace_id","stage_id","span","bucket");--> statement-breakpoint
CREATE INDEX "analytics_asset_usage_workspace_idx" ON "analytics_asset_usage" USING btree ("workspace_id","span","bucket");--> statement-breakpoint
CREATE INDEX "analytics_deal_asset_latest_rep_idx" ON "analytics_deal_asset_latest" USING btree ("asset_id","owner_id","last_used_at");--> statement-breakpoint
CREATE INDEX "analytics_deal_asset_latest_asset_idx" ON "analytics_deal_asset_latest" USING btree ("asset_id","last_used_at");--> statement-breakpoint
CREATE INDEX "analytics_outcome_assets_workspace_idx" ON "analytics_outcome_assets" USING btree ("workspace_id","span","bucket");--> statement-breakpoint
CREATE INDEX "analytics_outcome_stages_workspace_idx" ON "analytics_outcome_stages" USING btree ("workspace_id","span","bucket");--> statement-breakpoint
CREATE INDEX "analytics_rep_activity_day_idx" ON "analytics_rep_activity" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE INDEX "analytics_stage_use_owner_rep_idx" ON "analytics_stage_use_owner" USING btree ("asset_id","stage_id","owner_id","last_used_at");--> statement-breakpoint
CREATE INDEX "analytics_stage_use_owner_latest_idx" ON "analytics_stage_use_owner" USING btree ("asset_id","stage_id","last_used_at");--> statement-breakpoint
CREATE INDEX "analytics_usage_monthly_workspace_idx" ON "analytics_usage_monthly" USING btree ("workspace_id","month","asset_id","stage_id","usages");--> statement-breakpoint
CREATE INDEX "analytics_usage_daily_workspace_day_cover_idx" ON "analytics_usage_daily" USING btree ("workspace_id","day","asset_id","stage_id","usages");