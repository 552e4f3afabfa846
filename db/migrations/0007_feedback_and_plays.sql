CREATE TYPE "public"."comment_kind" AS ENUM('comment', 'question');--> statement-breakpoint
CREATE TYPE "public"."rating_reason" AS ENUM('outdated', 'wrong_audience', 'missing_data', 'too_long', 'other');--> statement-breakpoint
CREATE TABLE "asset_comment_mentions" (
	"comment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "asset_comment_mentions_comment_id_user_id_pk" PRIMARY KEY("comment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "asset_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_id" uuid NOT NULL,
	"kind" "comment_kind" DEFAULT 'comment' NOT NULL,
	"body" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"helped" boolean NOT NULL,
	"reason" "rating_reason",
	"reason_text" text DEFAULT '' NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deal_play_steps" (
	"deal_play_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"completed_by_id" uuid,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deal_play_steps_deal_play_id_step_id_pk" PRIMARY KEY("deal_play_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "deal_plays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deal_id" uuid NOT NULL,
	"play_id" uuid NOT NULL,
	"attached_by_id" uuid,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "play_step_assets" (
	"step_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "play_step_assets_step_id_asset_id_pk" PRIMARY KEY("step_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "play_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"play_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"stage_id" uuid NOT NULL,
	"title" text NOT NULL,
	"guidance" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"scenario" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "asset_comment_mentions" ADD CONSTRAINT "asset_comment_mentions_comment_id_asset_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."asset_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_comment_mentions" ADD CONSTRAINT "asset_comment_mentions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_comments" ADD CONSTRAINT "asset_comments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_comments" ADD CONSTRAINT "asset_comments_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_comments" ADD CONSTRAINT "asset_comments_parent_id_asset_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."asset_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_comments" ADD CONSTRAINT "asset_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_comments" ADD CONSTRAINT "asset_comments_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_ratings" ADD CONSTRAINT "asset_ratings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_ratings" ADD CONSTRAINT "asset_ratings_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_ratings" ADD CONSTRAINT "asset_ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_play_steps" ADD CONSTRAINT "deal_play_steps_deal_play_id_deal_plays_id_fk" FOREIGN KEY ("deal_play_id") REFERENCES "public"."deal_plays"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_play_steps" ADD CONSTRAINT "deal_play_steps_step_id_play_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."play_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_play_steps" ADD CONSTRAINT "deal_play_steps_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_play_steps" ADD CONSTRAINT "deal_play_steps_completed_by_id_users_id_fk" FOREIGN KEY ("completed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_plays" ADD CONSTRAINT "deal_plays_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_plays" ADD CONSTRAINT "deal_plays_play_id_plays_id_fk" FOREIGN KEY ("play_id") REFERENCES "public"."plays"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_plays" ADD CONSTRAINT "deal_plays_attached_by_id_users_id_fk" FOREIGN KEY ("attached_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "play_step_assets" ADD CONSTRAINT "play_step_assets_step_id_play_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."play_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "play_step_assets" ADD CONSTRAINT "play_step_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "play_steps" ADD CONSTRAINT "play_steps_play_id_plays_id_fk" FOREIGN KEY ("play_id") REFERENCES "public"."plays"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "play_steps" ADD CONSTRAINT "play_steps_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plays" ADD CONSTRAINT "plays_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plays" ADD CONSTRAINT "plays_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_comment_mentions_user_idx" ON "asset_comment_mentions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "asset_comments_asset_idx" ON "asset_comments" USING btree ("asset_id","created_at");--> statement-breakpoint
CREATE INDEX "asset_comments_parent_idx" ON "asset_comments" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_ratings_asset_user_uq" ON "asset_ratings" USING btree ("asset_id","user_id");--> statement-breakpoint
CREATE INDEX "asset_ratings_workspace_idx" ON "asset_ratings" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deal_plays_deal_play_uq" ON "deal_plays" USING btree ("deal_id","play_id");--> statement-breakpoint
CREATE INDEX "deal_plays_play_idx" ON "deal_plays" USING btree ("play_id");--> statement-breakpoint
CREATE INDEX "play_step_assets_asset_idx" ON "play_step_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "play_steps_play_idx" ON "play_steps" USING btree ("play_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "plays_workspace_name_uq" ON "plays" USING btree ("workspace_id","name");