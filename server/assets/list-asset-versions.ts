import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assetVersions, assets, files, users } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";

/** Every version of an asset the actor may see, newest first. */
export async function listAssetVersions(db: Database, actor: Actor, assetId: string) {
  const [asset] = await db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.id, assetId), assetVisibility(actor)));
  if (!asset) throw notFound("Asset not found");
  return db
    .select({
      id: assetVersions.id,
      version: assetVersions.version,
      note: assetVersions.note,
      createdAt: assetVersions.createdAt,
      createdBy: users.name,
      fileName: files.originalName,
      sizeBytes: files.sizeBytes,
    })
    .from(assetVersions)
    .innerJoin(files, eq(files.id, assetVersions.fileId))
    .leftJoin(users, eq(users.id, assetVersions.createdById))
    .where(eq(assetVersions.assetId, assetId))
    .orderBy(desc(assetVersions.version));
}
