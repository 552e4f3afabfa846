import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { EXACT_LIMIT } from "./hit-set";
import type { SearchText } from "./text-query";

/**
 * How many titles a champion list keeps: the pages a search by relevance serves from it before its title
 * tier goes on freshest first, as a broad search's tiers always did.
 */
export const CHAMPION_LIST_SIZE = EXACT_LIMIT;

/** The lists a workspace keeps at most (the least recently searched go first), since every list is kept current on every asset change. */
export const CHAMPION_LISTS_PER_WORKSPACE = 500;

/** A list nobody has searched for in this many days is dropped. */
const UNUSED_DAYS = 30;

/** The champion list a search's words have: its id, whether it is built yet, and whether to note the search. */
export interface ChampionList {
  id: number;
  built: boolean;
  /** Not searched for today yet: the search refreshes searched_at (one write a day per list). */
  stale: boolean;
}

/**
 * Asks for a list for these words (the search found their title tier too large to rank) or notes that it
 * was searched today; the sweep builds requested lists. One statement, at most once a day per list.
 */
export async function noteChampionSearch(tx: Database, text: SearchText) {
  await tx.execute(sql`insert into search_champion_lists (workspace_id, tsquery, exact_tsquery)
    values (${text.workspaceId}::uuid, ${text.tsquery}::tsquery, ${text.exactTsquery})
    on conflict (workspace_id, tsquery, exact_tsquery) do update set searched_at = now()
    where search_champion_lists.searched_at < now() - interval '1 day'`);
}

/**
 * Builds the lists searches asked for, oldest request first, each in its own transaction (on several
 * instances at once, each list is built once: a list being built is skipped), then asks again for lists
 * that lost half their members and drops the lists nobody searches for any more and, past
 * CHAMPION_LISTS_PER_WORKSPACE, the least recently searched. Returns how many lists it built.
 */
export async function buildRequestedChampionLists(
  db: Database,
  { size = CHAMPION_LIST_SIZE, max = 20 }: { size?: number; max?: number } = {},
): Promise<number> {
  let built = 0;
  for (; built < max; built++) {
    const done = await db.transaction(async (tx) => {
      const { rows } = await tx.execute<{ id: number }>(sql`select id from search_champion_lists
        where built_at is null order by requested_at limit 1 for update skip locked`);
      const list = rows[0];
      if (!list) return false;
      await tx.execute(sql`select build_search_champion_list(${list.id}::bigint, ${size}::int)`);
      return true;
    });
    if (!done) break;
  }
  // A list only shrinks as its members change (see migration 0034): rebuild one that lost half of them.
  await db.execute(sql`update search_champion_lists l set built_at = null, requested_at = now()
    where l.built_at is not null and l.threshold > 0
      and (select count(*) from search_champions c where c.list_id = l.id) < ${Math.ceil(size / 2)}`);
  await db.execute(sql`delete from search_champion_lists
    where searched_at < now() - make_interval(days => ${UNUSED_DAYS})
       or id in (select id from (select id, row_number() over (partition by workspace_id order by searched_at desc, id desc) n
                                   from search_champion_lists) ranked
                  where n > ${CHAMPION_LISTS_PER_WORKSPACE})`);
  return built;
}
