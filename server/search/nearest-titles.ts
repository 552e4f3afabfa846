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

type Suggestion = { id: string; title: string };

/**
 * "Did you mean": titles of assets the actor may see that look most like the words, for zero-result
 * searches, closest first. In its own transaction; searchAssets asks suggestTitles inside its own.
 */
export function nearestTitles(
  db: Database,
  actor: Actor,
  q: string,
  limit = 5,
  cap = CANDIDATES,
): Promise<Suggestion[]> {
  return db.transaction((tx) => suggestTitles(tx, actor, q, limit, cap));
}

/**
 * nearestTitles inside the caller's transaction (it sets pg_trgm's threshold for the rest of it). First every
 * title within the loosest threshold, when there are at most CANDIDATES of them (words that look like
 * nothing, the usual case, have none): then that is the answer. Otherwise pass by pass, closest first, each
 * ranking at most CANDIDATES titles, so a loose threshold that matches most of a large library stays cheap.
 */
export async function suggestTitles(
  tx: Database,
  actor: Actor,
  q: string,
  limit = 5,
  /** CANDIDATES, or a smaller cap a test sets to exercise the passes on a small library. */
  cap = CANDIDATES,
): Promise<Suggestion[]> {
  const words = q.trim().toLowerCase().slice(0, 200);
  if (!words) return [];
  const want = Math.min(Math.max(limit, 1), 20);
  // `<%` at the pass's threshold, so the title trigram index finds the candidates.
  const pass = async (threshold: number, counted: boolean) => {
    // The first look takes one more than the cap, to tell whether the cap was reached.
    await setTypoThreshold(tx, threshold);
    const candidates = tx
      .select({ id: assets.id, title: assets.title })
      .from(assets)
      .where(and(assetVisibility(actor), sql`${words} <% lower(${assets.title})`))
      .limit(counted ? cap + 1 : cap)
      .as("candidates");
    return tx
      .select({
        id: candidates.id,
        title: candidates.title,
        candidates: counted ? sql<number>`count(*) over ()`.mapWith(Number) : sql<number>`0`,
      })
      .from(candidates)
      .orderBy(desc(sql`word_similarity(${words}, lower(${candidates.title}))`), candidates.title)
      .limit(want);
  };
  const loosest = await pass(THRESHOLDS.at(-1)!, true);
  if ((loosest[0]?.candidates ?? 0) <= cap) return loosest.map(({ id, title }) => ({ id, title }));

  const found: Suggestion[] = [];
  for (const threshold of THRESHOLDS) {
    // A closer pass's titles stay first; a looser pass only fills the remaining places.
    for (const t of await pass(threshold, false)) {
      if (found.length < want && !found.some((f) => f.id === t.id)) found.push({ id: t.id, title: t.title });
    }
    if (found.length >= want) break;
  }
  return found;
}
