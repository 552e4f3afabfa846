import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { hitRateLimit } from "@/server/auth/sign-in-throttle";
import { createApiToken } from "@/server/tokens/token-service";
import { createDealRoute } from "@/server/api/routes/deals";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace } from "../support/factories";

// Set before env.ts is first imported, so this file's API routes allow two writes a minute.
vi.hoisted(() => {
  process.env.API_WRITE_LIMIT_PER_MINUTE = "2";
});

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
});
afterAll(() => handle.close());

describe("API write rate limit", () => {
  it("allows `limit` hits per window, then answers with the seconds until the window resets", async () => {
    for (let i = 0; i < 3; i++) expect(await hitRateLimit(handle.db, "api-write:u1", 3, 60)).toBe(0);
    const wait = await hitRateLimit(handle.db, "api-write:u1", 3, 60);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await hitRateLimit(handle.db, "api-write:u2", 3, 60)).toBe(0);
  });

  it("starts a new window once the old one has passed", async () => {
    expect(await hitRateLimit(handle.db, "api-write:u3", 1, 1)).toBe(0);
    expect(await hitRateLimit(handle.db, "api-write:u3", 1, 1)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await hitRateLimit(handle.db, "api-write:u3", 1, 1)).toBe(0);
  });
});

describe("the API wrapper", () => {
  it("answers writes over the limit with 429, the error format and Retry-After", async () => {
    const ws = await createTestWorkspace(handle.db);
    const { secret } = await createApiToken(handle.db, await ws.actor(ws.people.rep), "limited");
    const post = () =>
      createDealRoute.handler(
        new Request("http://localhost/api/v1/deals", {
          method: "POST",
          headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
          body: JSON.stringify({
            name: "Limited",
            accountName: "Acme",
            amount: 1,
            stageId: ws.stages[0]!.id,
          }),
        }),
        { params: Promise.resolve({}) },
      );
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
  });
});
