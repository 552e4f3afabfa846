import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { searchAssetsRoute } from "@/server/api/routes/search";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { callRoute, tokensFor } from "../support/call-route";
import { createTestDatabase } from "../support/test-db";
import { createSearchAsset } from "./search-support";

// The benchmark turns SERVER_TIMING on to report how many estimates its searches reused.
vi.mock("@/env", async (original) => {
  const actual = await original<typeof import("@/env")>();
  return { ...actual, env: { ...actual.env, SERVER_TIMING: "on" } };
});

let handle: DatabaseHandle;
let ws: TestWorkspace;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  await createSearchAsset(handle.db, ws, { title: "Bilbyform rollout plan" });
});
afterAll(() => handle.close());

describe("GET /api/v1/assets with SERVER_TIMING=on", () => {
  it("tells in Server-Timing how many of the search's estimates were reused", async () => {
    const { rep: token } = await tokensFor(handle.db, ws, ["rep"]);
    const first = await callRoute(searchAssetsRoute, token, { query: { q: "bilbyform" } });
    expect(first.body.total).toBe(1);
    const planned = /^estimates;desc="cached 0 of (\d+)"$/.exec(first.headers.get("server-timing") ?? "");
    expect(Number(planned?.[1])).toBeGreaterThan(0);
    const again = await callRoute(searchAssetsRoute, token, { query: { q: "bilbyform" } });
    expect(again.headers.get("server-timing")).toBe(
      `estimates;desc="cached ${planned![1]} of ${planned![1]}"`,
    );
  });
});
