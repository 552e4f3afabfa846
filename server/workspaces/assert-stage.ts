import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { buyingStages } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Refuses a stage id that is not one of the workspace's buying stages (422 on the stageId field). */
export async function assertStageInWorkspace(
  db: Database,
  workspaceId: string,
  stageId: string,
): Promise<void> {
  const [stage] = await db
    .select({ id: buyingStages.id })
    .from(buyingStages)
    .where(and(eq(buyingStages.id, stageId), eq(buyingStages.workspaceId, workspaceId)));
  if (!stage)
    throw new AppError("validation_failed", "Unknown stage", { fieldErrors: { stageId: ["Unknown stage"] } });
}
