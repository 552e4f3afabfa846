import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { roomPageDwell } from "@/db/schema";
import { createRoom } from "@/server/rooms/create-room";
import { answerBeaconsBeforeNext } from "@/server/rooms/public/beacon-fast-path";
import { serveRoomPage } from "@/server/rooms/public/public-handlers";
import { createTestAsset, createTestDeal, createTestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";

/*
 * The beacon's way past Next.js: a plain HTTP server stands in for `next start` (its own listener answers
 * 418 for anything that reaches it), so what the fast path answers and what it leaves alone can be told apart.
 */

const BROWSER =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

let handle: DatabaseHandle;
let server: http.Server;
let base: string;
let token: string;
let cookie: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  const ws = await createTestWorkspace(handle.db);
  const asset = await createTestAsset(handle.db, ws, { title: "Fast path deck", pages: 3 });
  const deal = await createTestDeal(handle.db, ws);
  const { url } = await createRoom(handle.db, await ws.actor(ws.people.rep), deal.id, {
    title: "Fast path room",
    message: "",
    assetIds: [asset.id],
    allowDownload: false,
    emailGate: false,
    allowedEmails: [],
    allowedDomain: null,
    password: null,
  });
  token = url.split("/r/")[1]!;
  const page = await serveRoomPage(
    new Request(`http://localhost/r/${token}`, { headers: { "user-agent": BROWSER } }),
    token,
  );
  cookie = page.headers.get("set-cookie")!.split(";")[0]!;

  expect(
    answerBeaconsBeforeNext([
      { regex: "^(?:/(.*))?$", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ]),
  ).toBe(true);
  server = http.createServer((_req, res) => {
    res.statusCode = 418;
    res.end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await handle.close();
});

/** Sent with a Content-Length, unless `chunked` (a body of unknown length). */
function post(path: string, body: string, { chunked = false } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request(
        `${base}${path}`,
        {
          method: "POST",
          headers: { "user-agent": BROWSER, "content-type": "application/json", cookie },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
        },
      );
      req.on("error", reject);
      if (chunked) req.write(body);
      req.end(chunked ? undefined : body);
    },
  );
}

const read = JSON.stringify({ visibleMs: 1000, events: [{ a: 0, p: 1, ms: 1000 }] });

describe("beacons answered before Next.js", () => {
  it("stores a beacon and answers 204 with the configured headers", async () => {
    const answer = await post(`/r/${token}/beacon`, read);
    expect(answer.status).toBe(204);
    expect(answer.headers["x-frame-options"]).toBe("DENY");
    const dwell = await handle.db.select().from(roomPageDwell);
    expect(dwell.reduce((sum, d) => sum + d.dwellMs, 0)).toBe(1000);
  });

  it("answers refusals in the API's JSON error shape", async () => {
    const answer = await post(`/r/${token}/beacon`, "{not json");
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: "bad_request", message: "Beacon is not valid JSON" },
    });
    const gone = await post(`/r/${"A".repeat(32)}/beacon`, read);
    expect(gone.status).toBe(410);
    expect(gone.headers["x-frame-options"]).toBe("DENY");
  });

  it("leaves every other request to the server's own listener", async () => {
    expect((await post(`/r/${token}`, read)).status).toBe(418);
    expect((await post(`/r/${token}/beacon/`, read)).status).toBe(418);
    expect((await post(`/r/not-a-token/beacon`, read)).status).toBe(418);
    expect((await post(`/r/${token}/beacon`, read, { chunked: true })).status).toBe(418);
    expect((await post(`/r/${token}/beacon`, " ".repeat(5000))).status).toBe(418);
  });
});
