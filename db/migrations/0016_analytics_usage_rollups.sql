CREATE TABLE "analytics_asset_rep_latest" (
	"asset_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analytics_asset_rep_latest_asset_id_owner_id_pk" PRIMARY KEY("asset_id","owner_id")
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
	CONSTRAINT "analytics_asset_usage_span_check" CHECK (span IN ('day', 'month'))
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
CREATE TABLE "analytics_rep_activity" (
	"workspace_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"day" date NOT NULL,
	"uses" integer NOT NULL,
	CONSTRAINT "analytics_rep_activity_workspace_id_owner_id_day_pk" PRIMARY KEY("workspace_id","owner_id","day")
);
--> statement-breakpoint
ALTER TABLE "analytics_asset_rep_latest" ADD CONSTRAINT "analytics_asset_rep_latest_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_asset_rep_latest" ADD CONSTRAINT "analytics_asset_rep_latest_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_asset_usage" ADD CONSTRAINT "analytics_asset_usage_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_asset_usage" ADD CONSTRAINT "analytics_asset_usage_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_deal_asset_latest" ADD CONSTRAINT "analytics_deal_asset_latest_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_deal_asset_latest" ADD CONSTRAINT "analytics_deal_asset_latest_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_deal_asset_latest" ADD CONSTRAINT "analytics_deal_asset_latest_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_rep_activity" ADD CONSTRAINT "analytics_rep_activity_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_asset_usage_workspace_idx" ON "analytics_asset_usage" USING btree ("workspace_id","span","bucket");--> statement-breakpoint
CREATE INDEX "analytics_deal_asset_latest_rep_idx" ON "analytics_deal_asset_latest" USING btree ("asset_id","owner_id","last_used_at");--> statement-breakpoint
CREATE INDEX "analytics_deal_asset_latest_asset_idx" ON "analytics_deal_asset_latest" USING btree ("asset_id","last_used_at");--> statement-breakpoint
CREATE INDEX "analytics_rep_activity_day_idx" ON "analytics_rep_activity" USING btree ("workspace_id","day");