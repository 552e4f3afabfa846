import "server-only";
import { eq } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { assetVersions, assets, files } from "@/db/schema";

/**
 * Joins an asset's current version and that version's file onto a query over assets (left joins: an asset
 * whose upload is still being received has neither yet).
 */
export function withCurrentFile<Q extends PgSelect>(query: Q) {
  return query
    .leftJoin(assetVersions, eq(assetVersions.id, assets.currentVersionId))
    .leftJoin(files, eq(files.id, assetVersions.fileId));
}
