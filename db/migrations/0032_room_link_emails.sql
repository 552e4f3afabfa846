CREATE TABLE "room_link_emails" (
	"room_id" uuid NOT NULL,
	"to_address" text NOT NULL,
	"email_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_link_emails_room_id_to_address_pk" PRIMARY KEY("room_id","to_address")
);
--> statement-breakpoint
ALTER TABLE "room_link_emails" ADD CONSTRAINT "room_link_emails_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_link_emails" ADD CONSTRAINT "room_link_emails_email_id_outbound_emails_id_fk" FOREIGN KEY ("email_id") REFERENCES "public"."outbound_emails"("id") ON DELETE cascade ON UPDATE no action;