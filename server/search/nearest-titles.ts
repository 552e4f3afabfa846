import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { quoteLexeme, setTypoThreshold, titleHolding } from "./text-query";

/** Tried in turn, closest first, until enough titles look like the words. */
const THRESHOLDS = [0.6, 0.45, 0.3];
/** Titles ranked per pass: a loose threshold can match most of a large library, so candidates are capped. */
const CANDIDATES = 200;
/** Title words like the search's words that lead to candidate titles, closest first. */
const WORDS = 32;
/** Titles holding such words tested per pass (word_similarity costs a few microseconds a title). */
const EXAMINED = 500;
/** Of the title words like a single word, those this close to the closest lead to candidate titles. */
const CLOSEST_MARGIN = 0.1;

type Suggestion = { id: string; title: string };

/**
 * "Did you mean": titles of assets the actor may see that look most like the words, for zero-result
 * searches, closest first. In its own transaction; searchAssets asks suggestTitles among its statements.
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

/** A title word like some of the search's words. */
type AlikeWord = { word: string; typed: string[]; closeness: number; strength: number };

/**
 * The title words (title_words, the workspace's vocabulary) that look like any of the words, closest first:
 * pg_trgm's `<%` through the vocabulary's own trigram index, whose size follows the words titles use, not
 * the number of titles. Each comes with the words it looks like (`typed`), how close it is to the closest
 * of them (`closeness`) and how much of all the words it looks like on its own (`strength`: word_similarity
 * with the whole text).
 */
async function alikeTitleWords(tx: Database, workspaceId: string, words: string): Promise<AlikeWord[]> {
  await setTypoThreshold(tx, THRESHOLDS.at(-1)!);
  const { rows } = await tx.execute<{ word: string; typed: string; closeness: number; strength: number }>(
    sql`select v.word, string_agg(distinct t.w, ' ') as typed, max(v.s)::float8 as closeness,
      word_similarity(${words}, v.word)::float8 as strength
    from unnest(tsvector_to_array(to_tsvector('simple', ${words}))) t(w)
      cross join lateral (select v.word, word_similarity(t.w, v.word) as s from title_words v
        where v.workspace_id = ${workspaceId}::uuid and t.w <% v.word) v
    where length(t.w) between 2 and 40
    group by v.word order by max(v.s) desc, v.word limit ${WORDS}`,
  );
  return rows.map((r) => ({
    word: r.word,
    typed: r.typed.split(" "),
    closeness: Number(r.closeness),
    strength: Number(r.strength),
  }));
}

/**
 * Which titles can look like the words, as tsquery texts each read on its own (pairs first): titles holding
 * words like two different words of the search, and titles holding a word that alone looks enough like them
 * (a title's likeness is at least its closest word's). A title holding one word like one of several words
 * rarely reaches the threshold, and testing each of them was what cost: "kubernetes helm chart" tested every
 * title holding "chart" (82 ms at 100,000 assets). When only one of the words looks like any title word, the
 * titles holding one of the closest are the candidates.
 */
function candidateQueries(alike: AlikeWord[], threshold: number): string[] {
  const byTyped = new Map<string, string[]>();
  for (const a of alike)
    for (const t of a.typed) byTyped.set(t, [...(byTyped.get(t) ?? []), quoteLexeme(a.word)]);
  const groups = [...byTyped.values()].map((g) => `( ${g.join(" | ")} )`);
  // Words like only one of the search's words: the titles holding one of the closest ("onboardx": onboarding,
  // not board or dashboard; alike is closest first).
  if (groups.length <= 1) {
    const closest = alike.filter((a) => a.closeness >= alike[0]!.closeness - CLOSEST_MARGIN);
    return closest.length ? [closest.map((a) => quoteLexeme(a.word)).join(" | ")] : [];
  }
  const pairs = groups.flatMap((g, i) => groups.slice(i + 1).map((h) => `( ${g} & ${h} )`));
  const strong = alike.filter((a) => a.strength >= threshold).map((a) => quoteLexeme(a.word));
  return [pairs.join(" | "), ...(strong.length ? [strong.join(" | ")] : [])];
}

/**
 * nearestTitles among the caller's statements (it sets pg_trgm's threshold for the rest of them). The
 * candidates are the visible titles holding title words like the words (alikeTitleWords and candidateQueries:
 * words that look like nothing, the usual case, have none, and then no title is read), ranked by
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
  const alike = await alikeTitleWords(tx, actor.workspaceId, words);
  const queries = candidateQueries(alike, THRESHOLDS.at(-1)!);
  if (!queries.length) return [];
  // At most EXAMINED titles per query are tested, however common the words they hold; each query's title
  // index is read on its own (fenced), the actor's visibility tested on the titles it finds.
  const examined = sql.join(
    queries.map(
      (query) => sql`(select ${assets.id}, ${assets.title}
        from (select * from ${assets} where ${titleHolding(query)} offset 0) ${assets}
        where ${assetVisibility(actor)} limit ${EXAMINED})`,
    ),
    sql` union `,
  );
  const likeness = sql`word_similarity(${words}, lower(e.title))`;
  const pass = async (threshold: number, counted: boolean) => {
    // The first look takes one more than the cap, to tell whether the cap was reached.
    const { rows } = await tx.execute<Suggestion & { candidates: number }>(sql`select c.id, c.title,
        ${counted ? sql`count(*) over ()` : sql`0`}::int as candidates
      from (select e.id, e.title, ${likeness} as likeness from (${examined}) e
        where ${likeness} >= ${threshold} limit ${counted ? cap + 1 : cap}) c
      order by c.likeness desc, c.title limit ${want}`);
    return rows;
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
