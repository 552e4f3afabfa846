import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { EXACT_LIMIT } from "./hit-set";
import type { SearchText } from "./text-query";

/**
 * How many titles a champion list keeps: the pages a search by relevance serves from it before its title
 * tier goes on freshest first, as a broad search's tiers always did.
 */
export const CHAMPION_LIST_SIZE = EXACT_LIMIT;

/**
 * The lists a workspace keeps at most (the least recently searched go first): every asset write scores the
 * asset against each of them.
 */
export const CHAMPION_LISTS_PER_WORKSPACE = 300;

/** A list nobody has searched for in this many days is dropped. */
const UNUSED_DAYS = 30;

/** How long a build waits for the asset writes in flight in its workspace before it gives up for now. */
const BUILD_LOCK_TIMEOUT = "2s";

/** The champion list a search's words have (inSearchTransaction reads it with the words' tsquery). */
export interface ChampionList {
  id: number;
  built: boolean;
  /** Members score above it; every other title scores at most this. */
  threshold: number;
  /** Not searched for today yet: a search that uses it refreshes searched_at (one write a day per list). */
  stale: boolean;
}

/**
 * Asks for a list for these words (the search found their title tier too large to rank) or notes that it
 * was searched today; the sweep builds requested lists. One statement, at most once a day per list.
 */
export async function noteChampionSearch(tx: Database, text: SearchText) {
  await tx.execute(sql`insert into search_champion_lists (workspace_id, tsquery, exact_tsquery)
    values (${text.workspaceId}::uuid, ${text.tsquery}, ${text.exactTsquery})
    on conflict (workspace_id, tsquery, exact_tsquery) do update set searched_at = now()
    where search_champion_lists.searched_at < now() - interval '1 day'`);
}

/**
 * Builds the lists searches asked for and those due a rebuild, oldest request first, each in its own
 * transaction under its workspace's champion lock (build_search_champion_list, migration 0035), so several
 * instances sweeping at once build each list once. A build that cannot get the lock in time (a long import
 * is writing assets) or fails is put back behind the others and the sweep goes on. Returns how many it built.
 */
export async function buildRequestedChampionLists(
  db: Database,
  { size = CHAMPION_LIST_SIZE, max = 20 }: { size?: number; max?: number } = {},
): Promise<number> {
  let built = 0;
  const tried: number[] = [];
  while (tried.length < max) {
    const { rows } = await db.execute<{ id: number }>(sql`select id::int as id from search_champion_lists
      where (built_at is null or rebuild_requested_at is not null)
        and not (id = any(${`{${tried.join(",")}}`}::bigint[]))
      order by requested_at limit 1`);
    const id = rows[0]?.id;
    if (id === undefined) break;
    tried.push(id);
    try {
      const done = await db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('lock_timeout', ${BUILD_LOCK_TIMEOUT}, true)`);
        const { rows: result } = await tx.execute<{ built: boolean }>(
          sql`select build_search_champion_list(${id}::bigint, ${size}::int) as built`,
        );
        return result[0]?.built === true;
      });
      if (done) built++;
    } catch (error) {
      console.error(`Champion list ${id} was not built; it is tried again later`, error);
      await db.execute(sql`update search_champion_lists set requested_at = now() where id = ${id}`);
    }
  }
  return built;
}

/** The lists (of those `where` picks) nobody searched for in UNUSED_DAYS days, or past the workspace's cap. */
const droppable = (where: SQL) => sql`select id, workspace_id from (select id, workspace_id, searched_at,
    row_number() over (partition by workspace_id order by searched_at desc, id desc) as n
    from search_champion_lists ${where}) ranked
  where searched_at < now() - make_interval(days => ${UNUSED_DAYS}) or n > ${CHAMPION_LISTS_PER_WORKSPACE}`;

/**
 * Asks for a rebuild of every list that fell to half the members it was built with (a list only loses
 * members between builds, see migration 0034), and drops the lists nobody searched for in UNUSED_DAYS days
 * and, past CHAMPION_LISTS_PER_WORKSPACE, the least recently searched: per workspace, under its champion
 * lock, so no asset write is adding a member to a list being dropped.
 */
export async function maintainChampionLists(db: Database) {
  await db.execute(sql`update search_champion_lists l set rebuild_requested_at = now()
    where l.built_at is not null and l.rebuild_requested_at is null and l.threshold > 0
      and (select count(*) from search_champions c where c.list_id = l.id) * 2 < l.built_count`);
  const { rows } = await db.execute<{ workspace_id: string }>(
    sql`select distinct workspace_id from (${droppable(sql``)}) d`,
  );
  for (const { workspace_id: workspaceId } of rows) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(1931, hashtext(${workspaceId}))`);
      await tx.execute(
        sql`delete from search_champion_lists where id in (select id from (${droppable(
          sql`where workspace_id = ${workspaceId}::uuid`,
        )}) d)`,
      );
    });
  }
}
