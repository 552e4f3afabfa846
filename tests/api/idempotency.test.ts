import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiTokens, idempotencyKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { withIdempotency } from "@/server/api/idempotency";
import { createApiToken } from "@/server/tokens/token-service";
import { createTestDatabase, testDriver } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

const tokensOf = async (userId: string) =>
  (await handle.db.select({ n: count() }).from(apiTokens).where(eq(apiTokens.userId, userId)))[0]!.n;

describe("Idempotency-Key", () => {
  it("runs once for the same key and body, replaying the first response", async () => {
    const actor = await ws.actor(ws.people.rep);
    let runs = 0;
    const produce = async (tx: typeof handle.db) => {
      runs += 1;
      const { token } = await createApiToken(tx, actor, "idem");
      return { status: 201, body: { id: token.id } };
    };
    const first = await withIdempotency(handle.db, actor.userId, "key-1", 'POST /x\n{"a":1}', produce);
    const second = await withIdempotency(handle.db, actor.userId, "key-1", 'POST /x\n{"a":1}', produce);
    expect(runs).toBe(1);
    expect(second).toEqual({ ...first, replayed: true });
    expect(await tokensOf(actor.userId)).toBe(1);
  });

  it("answers 409 when the same key comes with a different body", async () => {
    const actor = await ws.actor(ws.people.marketer);
    await withIdempotency(handle.db, actor.userId, "key-2", "body A", async () => ({
      status: 201,
      body: {},
    }));
    await expect(
      withIdempotency(handle.db, actor.userId, "key-2", "body B", async () => ({ status: 201, body: {} })),
    ).rejects.toMatchObject({ code: "idempotency_conflict", status: 409 });
  });

  it("keys are per user: another user may use the same key", async () => {
    const a = await withIdempotency(handle.db, ws.people.admin.id, "shared", "x", async () => ({
      status: 201,
      body: { who: "admin" },
    }));
    const b = await withIdempotency(handle.db, ws.people.otherRep.id, "shared", "x", async () => ({
      status: 201,
      body: { who: "rep" },
    }));
    expect(a.body).toEqual({ who: "admin" });
    expect(b.body).toEqual({ who: "rep" });
  });

  it("a request that fails after writing leaves neither its work nor its claim, so the retry runs once", async () => {
    const actor = await ws.actor(ws.people.partnerHigh);
    await expect(
      withIdempotency(handle.db, actor.userId, "key-3", "x", async (tx) => {
        await createApiToken(tx, actor, "half-done");
        throw new AppError("validation_failed", "bad");
      }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await tokensOf(actor.userId)).toBe(0);
    const [claim] = await handle.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "key-3"));
    expect(claim).toBeUndefined();
    const retry = await withIdempotency(handle.db, actor.userId, "key-3", "x", async (tx) => {
      await createApiToken(tx, actor, "done");
      return { status: 201, body: { ok: true } };
    });
    expect(retry).toEqual({ status: 201, body: { ok: true }, replayed: false });
    expect(await tokensOf(actor.userId)).toBe(1);
  });

  it("a retry while the first request runs waits for it and replays its response", async () => {
    const actor = await ws.actor(ws.people.partnerLow);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const produce = async (tx: typeof handle.db) => {
      runs += 1;
      await gate;
      const { token } = await createApiToken(tx, actor, "slow");
      return { status: 201, body: { id: token.id } };
    };
    const first = withIdempotency(handle.db, actor.userId, "key-4", "same", produce);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = withIdempotency(handle.db, actor.userId, "key-4", "same", produce);
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(runs).toBe(1);
    expect(b).toEqual({ ...a, replayed: true });
    expect(await tokensOf(actor.userId)).toBe(1);
  });

  it.skipIf(testDriver() !== "postgres")(
    "a retry while the first request runs longer than the wait gets a retryable 409 (PostgreSQL)",
    async () => {
      const userId = ws.people.admin.id;
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const first = withIdempotency(handle.db, userId, "key-5", "same", async () => {
        await gate;
        return { status: 201, body: { first: true } };
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expect(
        withIdempotency(handle.db, userId, "key-5", "same", async () => ({ status: 201, body: {} })),
      ).rejects.toMatchObject({ code: "idempotency_conflict", retryAfterSeconds: 1 });
      release();
      await first;
      const replay = await withIdempotency(handle.db, userId, "key-5", "same", async () => ({
        status: 201,
        body: {},
      }));
      expect(replay).toEqual({ status: 201, body: { first: true }, replayed: true });
    },
  );

  it("takes over a claim left without a response by an earlier version's crash", async () => {
    const userId = ws.people.marketer.id;
    await handle.db.insert(idempotencyKeys).values({ userId, key: "stuck", requestHash: "whatever" });
    const outcome = await withIdempotency(handle.db, userId, "stuck", "x", async () => ({
      status: 201,
      body: { ran: true },
    }));
    expect(outcome).toEqual({ status: 201, body: { ran: true }, replayed: false });
  });

  it("a fingerprint read after the body (a streamed body) replays for the same bytes, 409s for others", async () => {
    const userId = ws.people.otherRep.id;
    let runs = 0;
    const produce = async () => {
      runs += 1;
      return { status: 200, body: { runs } };
    };
    const first = await withIdempotency(handle.db, userId, "csv", async () => "bytes-1", produce);
    const again = await withIdempotency(handle.db, userId, "csv", async () => "bytes-1", produce);
    expect(again).toEqual({ ...first, replayed: true });
    await expect(
      withIdempotency(handle.db, userId, "csv", async () => "bytes-2", produce),
    ).rejects.toMatchObject({
      code: "idempotency_conflict",
    });
    expect(runs).toBe(1);
  });

  it("refuses keys that are empty or not visible ASCII", async () => {
    await expect(
      withIdempotency(handle.db, ws.people.rep.id, "", "x", async () => ({ status: 200, body: {} })),
    ).rejects.toMatchObject({ code: "bad_request" });
    await expect(
      withIdempotency(handle.db, ws.people.rep.id, "has space", "x", async () => ({ status: 200, body: {} })),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});
