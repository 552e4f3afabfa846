CREATE TABLE "analytics_room_assets" (
	"room_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"shared_at" timestamp with time zone NOT NULL,
	"readers" integer DEFAULT 0 NOT NULL,
	"first_opened_at" timestamp with time zone,
	"read_ms" bigint DEFAULT 0 NOT NULL,
	"furthest_page" integer DEFAULT 0 NOT NULL,
	"downloads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_room_assets_room_id_asset_id_pk" PRIMARY KEY("room_id","asset_id")
);
--> statement-breakpoint
ALTER TABLE "analytics_room_assets" ADD CONSTRAINT "analytics_room_assets_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_room_assets" ADD CONSTRAINT "analytics_room_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_room_assets" ADD CONSTRAINT "analytics_room_assets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_room_assets" ADD CONSTRAINT "analytics_room_assets_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_room_assets" ADD CONSTRAINT "analytics_room_assets_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_room_assets_asset_idx" ON "analytics_room_assets" USING btree ("asset_id","shared_at");--> statement-breakpoint
CREATE INDEX "analytics_room_assets_deal_idx" ON "analytics_room_assets" USING btree ("deal_id");--> statement-breakpoint
CREATE INDEX "analytics_room_assets_workspace_idx" ON "analytics_room_assets" USING btree ("workspace_id","shared_at");