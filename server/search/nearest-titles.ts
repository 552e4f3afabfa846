import "server-only";
import { and, desc, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { withTypoThreshold } from "./text-query";

const SUGGESTION_THRESHOLD = 0.3;

/** "Did you mean": titles of assets the actor may see that look most like the words, for zero-result searches. */
export async function nearestTitles(
  db: Database,
  actor: Actor,
  q: string,
  limit = 5,
): Promise<{ id: string; title: string }[]> {
  const words = q.trim().toLowerCase().slice(0, 200);
  if (!words) return [];
  const similarity = sql`word_similarity(${words}, lower(${assets.title}))`;
  // `<%` at the suggestion threshold, so the title trigram index finds the candidates.
  return withTypoThreshold(
    db,
    (tx) =>
      tx
        .select({ id: assets.id, title: assets.title })
        .from(assets)
        .where(and(assetVisibility(actor), sql`${words} <% lower(${assets.title})`))
        .orderBy(desc(similarity), assets.title)
        .limit(Math.min(Math.max(limit, 1), 20)),
    SUGGESTION_THRESHOLD,
  );
}
