ALTER TYPE "public"."usage_kind" ADD VALUE 'shared';--> statement-breakpoint
CREATE TABLE "room_assets" (
	"room_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_assets_room_id_asset_id_pk" PRIMARY KEY("room_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "room_page_dwell" (
	"visit_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"page" integer NOT NULL,
	"dwell_ms" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "room_page_dwell_visit_id_asset_id_page_pk" PRIMARY KEY("visit_id","asset_id","page")
);
--> statement-breakpoint
CREATE TABLE "room_visit_assets" (
	"visit_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"first_opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_page" integer DEFAULT 0 NOT NULL,
	"dwell_ms" bigint DEFAULT 0 NOT NULL,
	"downloads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "room_visit_assets_visit_id_asset_id_pk" PRIMARY KEY("visit_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "room_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"visitor_id" text NOT NULL,
	"email" text,
	"user_agent_class" text NOT NULL,
	"network_hash" text,
	"do_not_track" boolean DEFAULT false NOT NULL,
	"bot" boolean DEFAULT false NOT NULL,
	"engaged_at" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"creator_id" uuid NOT NULL,
	"title" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"allow_download" boolean DEFAULT true NOT NULL,
	"email_gate" boolean DEFAULT false NOT NULL,
	"allowed_emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"allowed_domain" text,
	"password_hash" text,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "asset_usages" ADD COLUMN "room_id" uuid;--> statement-breakpoint
ALTER TABLE "room_assets" ADD CONSTRAINT "room_assets_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_assets" ADD CONSTRAINT "room_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_page_dwell" ADD CONSTRAINT "room_page_dwell_visit_id_room_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."room_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_page_dwell" ADD CONSTRAINT "room_page_dwell_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_visit_assets" ADD CONSTRAINT "room_visit_assets_visit_id_room_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."room_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_visit_assets" ADD CONSTRAINT "room_visit_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_visits" ADD CONSTRAINT "room_visits_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "room_assets_asset_idx" ON "room_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "room_visit_assets_asset_idx" ON "room_visit_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "room_visits_visitor_uq" ON "room_visits" USING btree ("room_id","visitor_id");--> statement-breakpoint
CREATE INDEX "room_visits_room_idx" ON "room_visits" USING btree ("room_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_token_hash_uq" ON "rooms" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "rooms_deal_idx" ON "rooms" USING btree ("deal_id");--> statement-breakpoint
ALTER TABLE "asset_usages" ADD CONSTRAINT "asset_usages_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "asset_usages_room_asset_uq" ON "asset_usages" USING btree ("room_id","asset_id");