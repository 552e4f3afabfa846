import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { files } from "@/db/schema";
import { listRoomAssets } from "../room-queries";
import { AppError } from "@/lib/errors";

const videoTypes = new Set(["video/mp4", "video/webm"]);

export type PublicAsset = Awaited<ReturnType<typeof listPublicAssets>>[number];

/**
 * The room's assets as the buyer sees them, each named only by its place in the room (`n`), never by an
 * id that means anything elsewhere. Paged documents and images show their rendered page images, videos
 * stream, anything else shows its extracted outline.
 */
export async function listPublicAssets(db: Database, roomId: string) {
  const rows = await listRoomAssets(db, [roomId]);
  return rows
    .filter((r) => r.file?.id)
    .map((r) => {
      const file = r.file!;
      const kind =
        file.previewPageCount > 0
          ? ("pages" as const)
          : videoTypes.has(file.mimeType)
            ? ("video" as const)
            : ("outline" as const);
      return {
        n: r.position,
        assetId: r.id,
        title: r.title,
        kind,
        pages: kind === "pages" ? file.previewPageCount : 1,
        allowDownload: r.allowDownload,
        file: { ...file, id: file.id!, storageKey: file.storageKey!, mimeType: file.mimeType! },
      };
    });
}

export async function publicAssetAt(db: Database, roomId: string, n: number): Promise<PublicAsset> {
  const asset = (await listPublicAssets(db, roomId)).find((a) => a.n === n);
  if (!asset) throw new AppError("gone", "This item is no longer in the room.");
  return asset;
}

/** The first part of a file's extracted text, shown for files the browser cannot display. */
export async function outlineOf(db: Database, fileId: string): Promise<string> {
  const [row] = await db
    .select({ text: sql<string | null>`left(${files.extractedText}, 6000)` })
    .from(files)
    .where(eq(files.id, fileId));
  return row?.text?.trim() ?? "";
}
