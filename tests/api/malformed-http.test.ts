import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerMalformedRequestsAsJson } from "@/server/http/malformed-requests";

let server: http.Server;
let port: number;

beforeAll(async () => {
  answerMalformedRequestsAsJson();
  server = http.createServer((_req, res) => res.end("handled"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(raw));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk));
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("requests Node cannot parse", () => {
  it("answers an Idempotency-Key holding a NUL byte with the JSON error shape", async () => {
    const answer = await send(
      "POST /api/v1/deals HTTP/1.1\r\nHost: x\r\nIdempotency-Key: a\0b\r\nContent-Length: 0\r\n\r\n",
    );
    const [head, body] = answer.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toContain("Content-Type: application/json");
    expect(JSON.parse(body!)).toMatchObject({ error: { code: "bad_request" } });
  });

  it("leaves well-formed requests to the handler", async () => {
    const answer = await send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer.endsWith("handled")).toBe(true);
  });
});
