import "server-only";
import { getDb, type Database } from "@/db/client";
import { countVisits, ingestBeacons, type BeaconOutcome, type QueuedBeacon } from "./ingest-beacons";
import { notifyRoomOpened } from "./notify-buyer-visit";

/*
 * Group commit for beacons. The beacons that arrive while one batch is being written wait and go
 * together in the next, as one statement; each request is answered only after the statement that
 * stored it committed, so an acknowledged beacon is stored whatever happens to this process afterwards.
 * Nothing else is kept here: a second instance batches its own requests, and the database (row locks,
 * the rate limit's row, the rollup's advisory locks) keeps them consistent.
 */

// How long the first beacon after a quiet moment waits for others; under load a batch is being written
// and the next one gathers meanwhile, so the batch grows with the load instead of the wait.
const GATHER_MS = 2;
const MAX_BATCH = 256;
// A deadlock with a concurrent writer (another instance's batch) rolls the whole statement back: retry.
const RETRIED_CODES = new Set(["40P01", "40001"]);
const MAX_ATTEMPTS = 4;

interface Waiting {
  item: QueuedBeacon;
  key: string;
  resolve: (outcome: BeaconOutcome) => void;
  reject: (error: unknown) => void;
}

let waiting: Waiting[] = [];
let writing = false;
let scheduled = false;

/** Stores the beacon with the others of its batch; resolves once that batch committed (or was refused). */
export function queueBeacon(item: QueuedBeacon): Promise<BeaconOutcome> {
  return new Promise((resolve, reject) => {
    waiting.push({ item, key: `${item.tokenHash}:${item.visitorId}`, resolve, reject });
    if (!writing && !scheduled) {
      scheduled = true;
      setTimeout(writeBatch, GATHER_MS);
    }
  });
}

/** The next batch: at most one beacon per visit (its time check reads the visit's previous beacon). */
function takeBatch(): Waiting[] {
  const batch: Waiting[] = [];
  const later: Waiting[] = [];
  const keys = new Set<string>();
  for (const w of waiting) {
    if (batch.length < MAX_BATCH && !keys.has(w.key)) {
      keys.add(w.key);
      batch.push(w);
    } else later.push(w);
  }
  waiting = later;
  return batch;
}

async function writeBatch(): Promise<void> {
  scheduled = false;
  if (writing || waiting.length === 0) return;
  writing = true;
  const batch = takeBatch();
  try {
    const db = await getDb();
    const outcomes = await withRetry(() =>
      ingestBeacons(
        db,
        batch.map((w) => w.item),
      ),
    );
    await countAndNotify(db, outcomes);
    batch.forEach((w, i) => w.resolve(outcomes[i]!));
  } catch (error) {
    for (const w of batch) w.reject(error);
  } finally {
    writing = false;
    if (waiting.length > 0 && !scheduled) {
      scheduled = true;
      setImmediate(writeBatch);
    }
  }
}

async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = errorCode(error);
      if (attempt >= MAX_ATTEMPTS || typeof code !== "string" || !RETRIED_CODES.has(code)) throw error;
    }
  }
}

/**
 * The visits whose stored beacons make them count, counted together; the rep hears of a room's first
 * counted buyer (a notification that fails is logged: the beacons are stored and answered all the same).
 */
async function countAndNotify(db: Database, outcomes: BeaconOutcome[]) {
  const visitIds = outcomes.flatMap((o) =>
    o.kind === "stored" && o.engagesVisitId ? [o.engagesVisitId] : [],
  );
  if (visitIds.length === 0) return;
  const counted = await withRetry(() => countVisits(db, visitIds));
  const rooms = new Map(counted.map((c) => [c.room.id, c]));
  for (const { room, email } of rooms.values())
    await notifyRoomOpened(db, room, { email }).catch((error: unknown) =>
      console.error("Notifying the rep of a buyer failed", error),
    );
}

/** The SQLSTATE of a failed statement (drizzle wraps the driver's error as its cause). */
function errorCode(error: unknown): unknown {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return e?.code ?? e?.cause?.code;
}
