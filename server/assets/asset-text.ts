import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { files } from "@/db/schema";

/** How much extracted text the viewer shows for office and text files. */
export const OUTLINE_CHARS = 20_000;

/** The start of a file's extracted text; the caller has already checked the actor may see the asset. */
export async function fileTextOutline(db: Database, fileId: string) {
  const [row] = await db
    .select({
      text: sql<string | null>`substring(${files.extractedText} from 1 for ${OUTLINE_CHARS})`,
      totalChars: sql<number>`coalesce(length(${files.extractedText}), 0)::int`,
    })
    .from(files)
    .where(eq(files.id, fileId));
  return row ?? { text: null, totalChars: 0 };
}
