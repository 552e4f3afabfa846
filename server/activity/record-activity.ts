import "server-only";
import type { Database } from "@/db/client";
import { activityEvents } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";

export async function recordAssetActivity(
  db: Database,
  actor: Actor,
  kind: "view" | "download",
  assetId: string,
) {
  await db
    .insert(activityEvents)
    .values({ workspaceId: actor.workspaceId, actorId: actor.userId, kind, assetId });
}
