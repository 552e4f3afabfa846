ALTER TABLE "room_visits" ADD COLUMN "unlocked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "room_visits" ADD COLUMN "last_beacon_at" timestamp with time zone;