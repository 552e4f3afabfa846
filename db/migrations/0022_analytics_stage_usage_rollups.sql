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
CREATE TABLE "analytics_stage_rep_latest" (
	"asset_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analytics_stage_rep_latest_asset_id_stage_id_owner_id_pk" PRIMARY KEY("asset_id","stage_id","owner_id")
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
ALTER TABLE "analytics_asset_stage_usage" ADD CONSTRAINT "analytics_asset_stage_usage_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_asset_stage_usage" ADD CONSTRAINT "analytics_asset_stage_usage_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_asset_stage_usage" ADD CONSTRAINT "analytics_asset_stage_usage_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_rep_latest" ADD CONSTRAINT "analytics_stage_rep_latest_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_rep_latest" ADD CONSTRAINT "analytics_stage_rep_latest_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_rep_latest" ADD CONSTRAINT "analytics_stage_rep_latest_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_use_owner" ADD CONSTRAINT "analytics_stage_use_owner_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_use_owner" ADD CONSTRAINT "analytics_stage_use_owner_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_use_owner" ADD CONSTRAINT "analytics_stage_use_owner_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stage_use_owner" ADD CONSTRAINT "analytics_stage_use_owner_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_asset_stage_usage_workspace_idx" ON "analytics_asset_stage_usage" USING btree ("workspace_id","stage_id","span","bucket");--> statement-breakpoint
CREATE INDEX "analytics_stage_use_owner_rep_idx" ON "analytics_stage_use_owner" USING btree ("asset_id","stage_id","owner_id","last_used_at");