import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { withIdempotency } from "@/server/api/idempotency";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createApiToken } from "@/server/tokens/token-service";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

describe("Idempotency-Key", () => {
  it("runs once for the same key and body, replaying the first response", async () => {
    const actor = await ws.actor(ws.people.rep);
    let runs = 0;
    const produce = async () => {
      runs += 1;
      const { token } = await createApiToken(handle.db, actor, "idem");
      return { status: 201, body: { id: token.id } };
    };
    const first = await withIdempotency(handle.db, actor.userId, "key-1", 'POST /x\n{"a":1}', produce);
    const second = await withIdempotency(handle.db, actor.userId, "key-1", 'POST /x\n{"a":1}', produce);
    expect(runs).toBe(1);
    expect(second).toEqual({ ...first, replayed: true });
    const [row] = await handle.db
      .select({ n: count() })
      .from(apiTokens)
      .where(eq(apiTokens.userId, actor.userId));
    expect(row!.n).toBe(1);
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

  it("releases the key when the request fails, so a corrected retry runs", async () => {
    const userId = ws.people.partnerHigh.id;
    await expect(
      withIdempotency(handle.db, userId, "key-3", "x", async () => {
        throw new AppError("validation_failed", "bad");
      }),
    ).rejects.toBeInstanceOf(AppError);
    const retry = await withIdempotency(handle.db, userId, "key-3", "x", async () => ({
      status: 201,
      body: { ok: true },
    }));
    expect(retry).toEqual({ status: 201, body: { ok: true }, replayed: false });
  });

  it("does not store a streamed response for replay; the key is freed", async () => {
    const userId = ws.people.admin.id;
    let runs = 0;
    const produce = async () => {
      runs += 1;
      return { status: 200, body: new Response("streamed") };
    };
    const first = await withIdempotency(handle.db, userId, "stream-key", "x", produce);
    expect(first.body).toBeInstanceOf(Response);
    await withIdempotency(handle.db, userId, "stream-key", "x", produce);
    expect(runs).toBe(2);
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
