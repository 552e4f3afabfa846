import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { buyingStages } from "@/db/schema";

export function listStages(db: Database, workspaceId: string) {
  return db
    .select({
      id: buyingStages.id,
      name: buyingStages.name,
      description: buyingStages.description,
      position: buyingStages.position,
    })
    .from(buyingStages)
    .where(eq(buyingStages.workspaceId, workspaceId))
    .orderBy(asc(buyingStages.position));
}
