CREATE TABLE "crm_stage_mappings" (
	"workspace_id" uuid NOT NULL,
	"source" text NOT NULL,
	"crm_stage" text NOT NULL,
	"stage_id" uuid,
	"status" "deal_status",
	CONSTRAINT "crm_stage_mappings_workspace_id_source_crm_stage_pk" PRIMARY KEY("workspace_id","source","crm_stage")
);
--> statement-breakpoint
ALTER TABLE "crm_stage_mappings" ADD CONSTRAINT "crm_stage_mappings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_stage_mappings" ADD CONSTRAINT "crm_stage_mappings_stage_id_buying_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."buying_stages"("id") ON DELETE cascade ON UPDATE no action;