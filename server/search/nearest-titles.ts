import "server-only";
import { and, desc, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { setTypoThreshold } from "./text-query";

/** Tried in turn, closest first, until enough titles look like the words. */
const THRESHOLDS = [0.6, 0.45, 0.3];
/** Titles ranked per pass: a loose threshold can match most of a large library, so candidates are capped. */
const CANDIDATES = 200;

/**
 * "Did you mean": titles of assets the actor may see that look most like the words, for zero-result
 * searches: the closest pass first, then looser ones.
 */
export async function nearestTitles(
  db: Database,
  actor: Actor,
  q: string,
  limit = 5,
): Promise<{ id: string; title: string }[]> {
  const words = q.trim().toLowerCase().slice(0, 200);
  if (!words) return [];
  const want = Math.min(Math.max(limit, 1), 20);
  // All passes in one transaction, each with its own threshold.
  return db.transaction(async (tx) => {
    const found: { id: string; title: string }[] = [];
    for (const threshold of THRESHOLDS) {
      // `<%` at the pass's threshold, so the title trigram index finds the candidates.
      await setTypoThreshold(tx, threshold);
      const candidates = tx
        .select({ id: assets.id, title: assets.title })
        .from(assets)
        .where(and(assetVisibility(actor), sql`${words} <% lower(${assets.title})`))
        .limit(CANDIDATES)
        .as("candidates");
      const pass = await tx
        .select({ id: candidates.id, title: candidates.title })
        .from(candidates)
        .orderBy(desc(sql`word_similarity(${words}, lower(${candidates.title}))`), candidates.title)
        .limit(want);
      // A closer pass's titles stay first; a looser pass only fills the remaining places.
      for (const t of pass) if (found.length < want && !found.some((f) => f.id === t.id)) found.push(t);
      if (found.length >= want) break;
    }
    return found;
  });
}
