import "server-only";
import { and, desc, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { setTypoThreshold, titleHoldingAny } from "./text-query";

/** Tried in turn, closest first, until enough titles look like the words. */
const THRESHOLDS = [0.6, 0.45, 0.3];
/** Titles ranked per pass: a loose threshold can match most of a large library, so candidates are capped. */
const CANDIDATES = 200;
/** Title words like the search's words that lead to candidate titles, closest first. */
const WORDS = 32;

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
 * The title words (title_words, the workspace's vocabulary) that look like any of the words, closest first:
 * pg_trgm's `<%` through the vocabulary's own trigram index, whose size follows the words titles use, not
 * the number of titles.
 */
async function similarTitleWords(tx: Database, workspaceId: string, words: string): Promise<string[]> {
  await setTypoThreshold(tx, THRESHOLDS.at(-1)!);
  const { rows } = await tx.execute<{ word: string }>(sql`select v.word
    from unnest(tsvector_to_array(to_tsvector('simple', ${words}))) t(w)
      cross join lateral (select v.word, word_similarity(t.w, v.word) as s from title_words v
        where v.workspace_id = ${workspaceId}::uuid and t.w <% v.word) v
    where length(t.w) between 2 and 40
    group by v.word order by max(v.s) desc, v.word limit ${WORDS}`);
  return rows.map((r) => r.word);
}

/**
 * nearestTitles inside the caller's transaction (it sets pg_trgm's threshold for the rest of it). The
 * candidates are the visible titles holding a title word like one of the words (similarTitleWords: words
 * that look like nothing, the usual case, have none, and then neither statement after it runs), ranked by
 * how much of the title looks like the words (word_similarity). First every candidate within the loosest
 * threshold, when there are at most CANDIDATES of them: then that is the answer. Otherwise pass by pass,
 * closest first, each ranking at most CANDIDATES titles, so a common title word stays cheap.
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
  const vocabulary = await similarTitleWords(tx, actor.workspaceId, words);
  if (vocabulary.length === 0) return [];
  const holding = titleHoldingAny(vocabulary);
  const likeness = sql`word_similarity(${words}, lower(${assets.title}))`;
  const pass = async (threshold: number, counted: boolean) => {
    // The first look takes one more than the cap, to tell whether the cap was reached.
    const candidates = tx
      .select({ id: assets.id, title: assets.title, likeness: sql<number>`${likeness}`.as("likeness") })
      .from(assets)
      .where(and(holding, assetVisibility(actor), sql`${likeness} >= ${threshold}`))
      .limit(counted ? cap + 1 : cap)
      .as("candidates");
    return tx
      .select({
        id: candidates.id,
        title: candidates.title,
        candidates: counted ? sql<number>`count(*) over ()`.mapWith(Number) : sql<number>`0`,
      })
      .from(candidates)
      .orderBy(desc(candidates.likeness), candidates.title)
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
