import "server-only";
import { createHash, randomBytes } from "node:crypto";

/*
 * What the buyer's page learns about a visitor, and no more: a random first-party id, a coarse browser
 * class, whether they asked not to be tracked, and a hash of their truncated network salted per room.
 */

export const VISITOR_COOKIE = "baton_room_visitor";
const VISITOR_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function newVisitorId(): string {
  return randomBytes(16).toString("base64url");
}

export function visitorIdFrom(request: Request): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === VISITOR_COOKIE && value && VISITOR_PATTERN.test(value)) return value;
  }
  return null;
}

/** Scoped to the room's path, so one room's visitor id is never sent to another room or to the app. */
export function visitorCookie(token: string, visitorId: string, secure: boolean): string {
  const flags = ["Path=/r/" + token, "HttpOnly", "SameSite=Lax", `Max-Age=${180 * 86_400}`];
  if (secure) flags.push("Secure");
  return `${VISITOR_COOKIE}=${visitorId}; ${flags.join("; ")}`;
}

// Mail security scanners, link unfurlers, crawlers, HTTP libraries and headless browsers.
const BOT_PATTERN =
  /bot\b|bot\/|crawl|spider|slurp|scan|preview|fetch|monitor|curl|wget|python|java\/|go-http|okhttp|httpclient|axios|undici|node-fetch|headless|phantom|puppeteer|playwright|selenium|lighthouse|facebookexternalhit|whatsapp|slack|skype|teams|discord|telegram|outlook|proofpoint|mimecast|barracuda|safelinks|symantec|fireeye|trendmicro|zscaler|sophos|forcepoint|cisco|ironport|linkcheck|validator/i;

export function isBotUserAgent(userAgent: string): boolean {
  return userAgent.trim() === "" || BOT_PATTERN.test(userAgent);
}

/** "Chrome on phone", "Safari on desktop": enough to tell visitors apart, not to fingerprint them. */
export function userAgentClass(userAgent: string): string {
  const browser = /edg\//i.test(userAgent)
    ? "Edge"
    : /firefox\//i.test(userAgent)
      ? "Firefox"
      : /chrome\/|crios\//i.test(userAgent)
        ? "Chrome"
        : /safari\//i.test(userAgent)
          ? "Safari"
          : "Other browser";
  const device = /ipad|tablet/i.test(userAgent)
    ? "tablet"
    : /mobi|iphone|android/i.test(userAgent)
      ? "phone"
      : "desktop";
  return `${browser} on ${device}`;
}

export function asksNotToTrack(request: Request): boolean {
  return request.headers.get("dnt") === "1" || request.headers.get("sec-gpc") === "1";
}

/** IPv4 cut to /24 and IPv6 to /48, then hashed with the room id: no address is stored. */
export function networkHash(roomId: string, address: string | null): string | null {
  if (!address) return null;
  const network = address.includes(":")
    ? address.split(":").slice(0, 3).join(":")
    : address.split(".").slice(0, 3).join(".");
  return createHash("sha256").update(`${roomId}|${network}`).digest("hex").slice(0, 16);
}
