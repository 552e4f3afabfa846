import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { dealStatus } from "./deals";
import { buyingStages, workspaces } from "./workspaces";

/** How a CRM's stage names map to the workspace's buying stages, remembered per source. */
export const crmStageMappings = pgTable(
  "crm_stage_mappings",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    // Lower-cased CRM stage name, e.g. 'closed won' or 'appointmentscheduled'.
    crmStage: text("crm_stage").notNull(),
    stageId: uuid("stage_id").references(() => buyingStages.id, { onDelete: "cascade" }),
    // A CRM stage that also closes the deal.
    status: dealStatus("status"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.source, t.crmStage] })],
);
