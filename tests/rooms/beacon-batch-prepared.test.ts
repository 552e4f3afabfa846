import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { ingestBeacons } from "@/server/rooms/public/ingest-beacons";
import { createTestDatabase, testDriver } from "../support/test-db";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const unknownRoomBeacon = {
  tokenHash: "ab".repeat(32),
  visitorId: "A".repeat(22),
  beacon: { visibleMs: 1000, events: [{ a: 0, p: 1, ms: 1000 }] },
};

describe("the beacon batch statement", () => {
  // Planning the statement cost more than running it for a batch of one (see README, bench:rooms).
  it.skipIf(testDriver() !== "postgres")(
    "is prepared once on a PostgreSQL connection and reused",
    async () => {
      for (let i = 0; i < 3; i++)
        expect(await ingestBeacons(handle.db, [unknownRoomBeacon])).toEqual([{ kind: "ordinary" }]);
      // The pool hands the connection it was just given back to the next query.
      const { rows } = await handle.db.execute<{ name: string }>(
        sql`select name from pg_prepared_statements where name = 'ingest-beacons'`,
      );
      expect(rows).toEqual([{ name: "ingest-beacons" }]);
    },
  );

  it("answers a beacon for an unknown room as one for the one-request path, on either engine", async () => {
    const other = { ...unknownRoomBeacon, visitorId: "B".repeat(22) };
    expect(await ingestBeacons(handle.db, [unknownRoomBeacon, other])).toEqual([
      { kind: "ordinary" },
      { kind: "ordinary" },
    ]);
  });
});
