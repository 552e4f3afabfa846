/**
 * The HTTP client for `bench:upload`, run in its own process so the bench's RSS is the server's alone and
 * the two sides do not share one thread. Streams a file to the URL as multipart/form-data ('metadata' JSON,
 * then 'file') and prints `{ seconds, status, body }` as JSON, timed from the first byte sent to the answer.
 * Usage: upload-client.ts <url> <bearer token> <file> <metadata JSON>
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";

const [url, token, filePath, metadata] = process.argv.slice(2);
if (!url || !token || !filePath || !metadata) throw new Error("usage: <url> <token> <file> <metadata JSON>");

const boundary = `baton-bench-${randomUUID()}`;
const head = Buffer.from(
  `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${metadata}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(filePath)}"\r\n` +
    `Content-Type: video/mp4\r\n\r\n`,
);
const tail = Buffer.from(`\r\n--${boundary}--\r\n`);

const started = performance.now();
const request = http.request(url, {
  method: "POST",
  headers: {
    authorization: `Bearer ${token}`,
    "content-type": `multipart/form-data; boundary=${boundary}`,
    "content-length": head.length + fs.statSync(filePath).size + tail.length,
  },
});
const answer = once(request, "response") as Promise<[http.IncomingMessage]>;
await pipeline(async function* () {
  yield head;
  yield* fs.createReadStream(filePath);
  yield tail;
}, request);
const [response] = await answer;
const body = Buffer.concat(await response.toArray()).toString("utf8");
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ seconds, status: response.statusCode, body }));
