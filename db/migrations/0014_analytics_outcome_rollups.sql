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
	CONSTRAINT "analytics_outcome_assets_span_check" CHECK (span IN ('day', 'month'))
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
	CONSTRAINT "analytics_outcome_reach_span_check" CHECK (span IN ('day', 'month'))
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
	CONSTRAINT "analytics_outcome_stages_span_check" CHECK (span IN ('day', 'month'))
);
--> statement-breakpoint
ALTER TABLE "analytics_outcome_assets" ADD CONSTRAINT "analytics_outcome_assets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_outcome_assets" ADD CONSTRAINT "analytics_outcome_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_outcome_reach" ADD CONSTRAINT "analytics_outcome_reach_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_outcome_stages" ADD CONSTRAINT "analytics_outcome_stages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_outcome_stages" ADD CONSTRAINT "analytics_outcome_stages_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_outcome_stages" ADD CONSTRAINT "analytics_outcome_stages_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_outcome_assets_workspace_idx" ON "analytics_outcome_assets" USING btree ("workspace_id","span","bucket");--> statement-breakpoint
CREATE INDEX "analytics_outcome_stages_workspace_idx" ON "analytics_outcome_stages" USING btree ("workspace_id","span","bucket");