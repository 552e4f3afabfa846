import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { appUrl } from "@/server/mail/app-url";

/** A room link's secret: 192 random bits, URL-safe. Only its hash is stored. */
export function newRoomToken(): { token: string; tokenHash: string; url: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, tokenHash: hashRoomToken(token), url: roomUrl(token) };
}

export function hashRoomToken(token: string): string {
  return createHash("sha256").update(`room:${token}`).digest("hex");
}

/** The shape of a token a link can carry; anything else is rejected before a database lookup. */
export const ROOM_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function roomUrl(token: string): string {
  return appUrl(`/r/${token}`);
}
