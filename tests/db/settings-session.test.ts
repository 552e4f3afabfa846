import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db/client";
import { changeSettings, withSettings } from "@/db/settings-session";
import { createTestDatabase, testDriver } from "../support/test-db";

/*
 * withSettings runs statements with run-time settings in force (searches: planner settings), without them
 * leaking into any other statement of the app; on PostgreSQL without a transaction around them.
 */
let handle: DatabaseHandle;
const sent: string[] = [];

beforeAll(async () => {
  handle = await createTestDatabase({ logQuery: (text) => sent.push(text) });
});
afterAll(() => handle.close());

const SETTINGS = { enable_seqscan: "off", enable_indexscan: "off", jit: "off" };

/**
 * The settings in force, read by a statement that first selects `restore` (a run's first statement must): its
 * set_config calls run before the next statement is planned, so they show from the next statement on.
 */
async function settingsIn(db: Database, restore: SQL = sql`null`) {
  await db.execute(sql`select ${restore} as restored`);
  const { rows } = await db.execute<{ seqscan: string; indexscan: string; jit: string }>(
    sql`select current_setting('enable_seqscan') as seqscan, current_setting('enable_indexscan') as indexscan,
      current_setting('jit') as jit`,
  );
  return rows[0]!;
}

describe("withSettings", () => {
  it("runs every statement with the settings, and no other statement of the app sees them", async () => {
    const inside = await withSettings(handle.db, SETTINGS, async (db, restore) => [
      await settingsIn(db, restore),
      await settingsIn(db),
    ]);
    expect(inside).toEqual([
      { seqscan: "off", indexscan: "off", jit: "off" },
      { seqscan: "off", indexscan: "off", jit: "off" },
    ]);
    const outside = await Promise.all([settingsIn(handle.db), settingsIn(handle.db), settingsIn(handle.db)]);
    for (const s of outside) expect(s).toMatchObject({ seqscan: "on", indexscan: "on" });
  });

  it("on PostgreSQL opens no transaction (and sets nothing); on PGlite sets them in its transaction", async () => {
    sent.length = 0;
    await withSettings(handle.db, SETTINGS, (db, restore) => settingsIn(db, restore));
    const control = sent.filter((text) => /^\s*(begin|commit)\b/i.test(text));
    const setting = sent.filter((text) => text.includes("set_config"));
    if (testDriver() === "postgres") {
      expect(control).toEqual([]);
      expect(setting).toEqual([]);
    } else {
      // PGlite's transactions are opened by the driver itself, without a statement the log sees; the
      // settings are set by the run's first statement.
      expect(setting).toEqual([expect.stringMatching(/^select array\[set_config/)]);
    }
  });

  it("keeps a change for the rest of the run, spends no statement on a setting already in force, and starts the next run from the settings", async () => {
    const during = await withSettings(handle.db, SETTINGS, async (db, restore) => {
      await db.execute(sql`select ${restore} as restored`);
      await changeSettings(db, { enable_indexscan: "on" });
      sent.length = 0;
      await changeSettings(db, { enable_indexscan: "on", jit: "off" });
      const unchanged = sent.length;
      return { unchanged, settings: await settingsIn(db) };
    });
    expect(during).toEqual({ unchanged: 0, settings: { seqscan: "off", indexscan: "on", jit: "off" } });
    // Every connection the next runs get starts from the settings again, put back by their first statement.
    sent.length = 0;
    const next = await Promise.all(
      Array.from({ length: 4 }, () =>
        withSettings(handle.db, SETTINGS, (db, restore) => settingsIn(db, restore)),
      ),
    );
    expect(sent.filter((text) => /^select set_config/.test(text))).toEqual([]);
    for (const s of next) expect(s).toEqual({ seqscan: "off", indexscan: "off", jit: "off" });
  });

  it("starts the next run from the settings after a run that failed with a change in force", async () => {
    await expect(
      withSettings(handle.db, SETTINGS, async (db, restore) => {
        await db.execute(sql`select ${restore} as restored`);
        await changeSettings(db, { enable_indexscan: "on" });
        await db.execute(sql`select 1 / 0`);
      }),
    ).rejects.toThrow(/select 1 \/ 0/);
    const next = await Promise.all(
      Array.from({ length: 4 }, () =>
        withSettings(handle.db, SETTINGS, (db, restore) => settingsIn(db, restore)),
      ),
    );
    for (const s of next) expect(s).toEqual({ seqscan: "off", indexscan: "off", jit: "off" });
  });

  it("sets them before the next run when a run's first statement failed while putting them back", async () => {
    await withSettings(handle.db, SETTINGS, async (db, restore) => {
      await db.execute(sql`select ${restore} as restored`);
      await changeSettings(db, { enable_indexscan: "on" });
    });
    // The same connection (an idle one is reused), whose first statement fails: its set_config calls are
    // undone with it.
    await expect(
      withSettings(handle.db, SETTINGS, (db, restore) =>
        db.execute(sql`select ${restore} as restored, 1 / 0`),
      ),
    ).rejects.toThrow(/1 \/ 0/);
    const after = await withSettings(handle.db, SETTINGS, (db, restore) => settingsIn(db, restore));
    expect(after).toEqual({ seqscan: "off", indexscan: "off", jit: "off" });
  });
});
