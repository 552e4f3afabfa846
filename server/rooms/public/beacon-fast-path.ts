import "server-only";
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { errorResponse } from "@/server/api/error-response";
import { interceptServerEvents } from "@/server/http/intercept-server-events";
import { ROOM_TOKEN_PATTERN } from "../room-token";
import { receiveRoomBeacon } from "./public-handlers";
import { BEACON_MAX_BYTES } from "./record-beacon";

/** A header rule from the build's routes manifest (next.config.js `headers()`), as Next.js applies it. */
export interface HeaderRule {
  regex: string;
  headers: { key: string; value: string }[];
  has?: unknown;
  missing?: unknown;
}

/**
 * The header rules of the production build this server runs (`next start` serves `.next` in its working
 * folder), or null without a build (`next dev`), where Next.js keeps answering beacons itself.
 */
export async function buildHeaderRules(): Promise<HeaderRule[] | null> {
  try {
    const manifest = JSON.parse(
      await fs.readFile(path.join(process.cwd(), ".next", "routes-manifest.json"), "utf8"),
    ) as { headers: HeaderRule[] };
    return manifest.headers;
  } catch {
    return null;
  }
}

const BEACON_PATH = /^\/r\/([^/?#]+)\/beacon(?:\?|$)/;
const installed = Symbol.for("baton.beaconFastPath");

/**
 * Answers POST /r/<token>/beacon straight from the HTTP server, before Next.js routes the request. A beacon
 * is tiny and frequent, and Next.js's router and route runtime cost about 2.3 ms of CPU per request even
 * for a handler that does nothing (a 401), several times the beacon's own work; on one core that caps a
 * server near 400 beacons a second. The request is handed to the same `receiveRoomBeacon` as the route,
 * with the headers Next.js would have added (X-Forwarded-*), and the answer gets the headers next.config.js
 * sets on every response, so the route and this path answer alike.
 *
 * Only the common beacon comes this way: a POST whose token has the room-token shape and whose declared
 * length is within the beacon limit. Anything else (another method, a chunked or oversized body, a
 * malformed token, a trailing slash) goes on to Next.js and its route, unchanged. Header rules with
 * conditions (`has`/`missing`) cannot be judged here, so with any of them the path is not installed.
 */
export function answerBeaconsBeforeNext(headerRules: HeaderRule[]): boolean {
  if (headerRules.some((rule) => rule.has !== undefined || rule.missing !== undefined)) return false;
  const rules = headerRules.map((rule) => ({ regex: new RegExp(rule.regex), headers: rule.headers }));
  interceptServerEvents(installed, (_server, event, args) => {
    if (event !== "request") return false;
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    const token = beaconToken(req);
    if (!token) return false;
    answerBeacon(req, res, token, rules).catch((error: unknown) => {
      console.error("Answering a beacon failed", error);
      res.destroy();
    });
    return true;
  });
  return true;
}

function beaconToken(req: http.IncomingMessage): string | null {
  if (req.method !== "POST") return null;
  const token = BEACON_PATH.exec(req.url ?? "")?.[1];
  if (!token || !ROOM_TOKEN_PATTERN.test(token)) return null;
  const length = req.headers["content-length"];
  if (length === undefined || !/^\d+$/.test(length) || Number(length) > BEACON_MAX_BYTES) return null;
  return token;
}

async function answerBeacon(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  token: string,
  rules: { regex: RegExp; headers: { key: string; value: string }[] }[],
) {
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch {
    res.destroy();
    return;
  }
  let response: Response;
  try {
    response = await receiveRoomBeacon(webRequest(req, body), token);
  } catch (error) {
    response = errorResponse(error, { path: "/r/…/beacon" });
  }
  const pathname = req.url!.split("?")[0]!;
  for (const rule of rules)
    if (rule.regex.test(pathname)) for (const { key, value } of rule.headers) res.setHeader(key, value);
  res.statusCode = response.status;
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") res.setHeader(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The request as the route would see it, with the X-Forwarded-* defaults Next.js adds before routing. */
function webRequest(req: http.IncomingMessage, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const host = req.headers.host ?? "localhost";
  if (!headers.has("x-forwarded-host")) headers.set("x-forwarded-host", host);
  if (!headers.has("x-forwarded-port") && req.socket.localPort)
    headers.set("x-forwarded-port", String(req.socket.localPort));
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", encrypted ? "https" : "http");
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress)
    headers.set("x-forwarded-for", req.socket.remoteAddress);
  return new Request(`${encrypted ? "https" : "http"}://${host}${req.url}`, {
    method: "POST",
    headers,
    body: new Uint8Array(body),
  });
}
