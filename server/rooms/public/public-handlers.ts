import "server-only";
import { sql } from "drizzle-orm";
import { roomVisitAssets } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/server/api/error-response";
import { fileVideoStreamResponse, filePreviewPageResponse } from "@/server/assets/asset-media";
import { attachmentResponse, stampedPdfResponse } from "@/server/assets/download-asset";
import { watermarkLine } from "@/server/partners/watermark-pdf";
import { hashRoomToken, ROOM_TOKEN_PATTERN } from "../room-token";
import { queueBeacon } from "./beacon-batch";
import {
  BEACON_LIMIT_PER_MINUTE,
  BEACON_MAX_BYTES,
  FORGED_MESSAGE,
  LATE_MESSAGE,
  parseBeacon,
  readBeacon,
  recordBeacon,
} from "./record-beacon";
import { notifyRoomOpened } from "./notify-buyer-visit";
import { recordVisit } from "./record-visit";
import { gatePage, plainPage, roomPage } from "./render-room-page";
import { listPublicAssets, outlineOf, publicAssetAt } from "./public-assets";
import {
  findVisit,
  limitVisit,
  needsUnlock,
  openRoom,
  requireAdmittedVisit,
  TOO_MANY_MESSAGE,
  tooMany,
} from "./room-door";
import { visitorIdFrom } from "./visitor";
import { unlockRoom } from "./unlock-room";

/** A refusal on the buyer's page is the plain page; anything unexpected is logged and told nothing. */
function pageError(error: unknown): Response {
  if (error instanceof AppError) return plainPage(error.message, error.status, error.retryAfterSeconds);
  console.error("Buyer room page failed", error);
  return plainPage("Something went wrong. Try again in a moment.", 500);
}

const position = (raw: string) => {
  const n = Number(raw);
  if (!/^\d{1,5}$/.test(raw) || !Number.isSafeInteger(n))
    throw new AppError("gone", "This item is not in the room.");
  return n;
};

/** GET /r/<token>: the room, or its gate, or the plain page. */
export async function serveRoomPage(request: Request, token: string): Promise<Response> {
  try {
    const open = await openRoom(request, token);
    const { visit, setCookie } = await recordVisit(open, request);
    if (needsUnlock(open.room) && !visit.unlockedAt) return gatePage(open, { setCookie });
    const assets = await listPublicAssets(open.db, open.room.id);
    const withOutlines = await Promise.all(
      assets.map(async (asset) => ({
        asset,
        outline: asset.kind === "outline" ? await outlineOf(open.db, asset.file.id) : "",
      })),
    );
    return roomPage(open, withOutlines, { setCookie, doNotTrack: visit.doNotTrack });
  } catch (error) {
    return pageError(error);
  }
}

/** POST /r/<token>/unlock: the gate's form. Success goes back to the room (303); a miss shows the gate again. */
export async function submitRoomGate(request: Request, token: string): Promise<Response> {
  try {
    const origin = request.headers.get("origin");
    if (origin && origin !== new URL(request.url).origin)
      throw new AppError("forbidden", "Open the link first.");
    const open = await openRoom(request, token);
    const known = await findVisit(open, request);
    const { visit, setCookie } = known ? { visit: known, setCookie: null } : await recordVisit(open, request);
    const form = await request.formData().catch(() => new FormData());
    const problem = await unlockRoom(open, visit, form);
    if (problem) return gatePage(open, { error: problem, status: 422, setCookie });
    const headers = new Headers({ Location: `/r/${token}`, "Cache-Control": "no-store" });
    if (setCookie) headers.set("Set-Cookie", setCookie);
    return new Response(null, { status: 303, headers });
  } catch (error) {
    return pageError(error);
  }
}

/** The room's content endpoints answer JSON errors (410 once the room is revoked or expired). */
async function contentRequest(
  request: Request,
  token: string,
  what: string,
  perMinute: number,
  run: (ctx: Awaited<ReturnType<typeof admitted>>) => Promise<Response>,
): Promise<Response> {
  try {
    return await run(await admitted(request, token, what, perMinute));
  } catch (error) {
    return errorResponse(error, { path: `/r/…/${what}` });
  }
}

async function admitted(request: Request, token: string, what: string, perMinute: number) {
  const open = await openRoom(request, token);
  const visit = await requireAdmittedVisit(open, request);
  await limitVisit(open, visit, what, perMinute);
  return { open, visit };
}

export const serveRoomPageImage = (request: Request, token: string, n: string, page: string) =>
  contentRequest(request, token, "page", 600, async ({ open }) => {
    const asset = await publicAssetAt(open.db, open.room.id, position(n));
    if (asset.kind !== "pages") throw new AppError("gone", "This item has no pages.");
    const response = await filePreviewPageResponse(asset.file, Number(page));
    // Not cached: once the room is revoked its pages must not come back from the browser's cache.
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  });

export const serveRoomVideo = (request: Request, token: string, n: string) =>
  contentRequest(request, token, "stream", 600, async ({ open }) => {
    const asset = await publicAssetAt(open.db, open.room.id, position(n));
    return fileVideoStreamResponse(asset.file, request.headers.get("range"));
  });

/** A download when the room and the asset allow it; a PDF is stamped with the visitor's email and the date. */
export const serveRoomDownload = (request: Request, token: string, n: string) =>
  contentRequest(request, token, "download", 20, async ({ open, visit }) => {
    const asset = await publicAssetAt(open.db, open.room.id, position(n));
    if (!open.room.allowDownload || !asset.allowDownload) {
      throw new AppError("forbidden", "This room is view-only.");
    }
    const response =
      asset.file.mimeType === "application/pdf"
        ? await stampedPdfResponse(asset.file, watermarkLine({ email: visit.email, date: new Date() }))
        : await attachmentResponse(asset.file);
    if (!visit.bot) {
      await open.db
        .insert(roomVisitAssets)
        .values({ visitId: visit.id, assetId: asset.assetId, downloads: 1 })
        .onConflictDoUpdate({
          target: [roomVisitAssets.visitId, roomVisitAssets.assetId],
          set: { downloads: sql`${roomVisitAssets.downloads} + 1` },
        });
    }
    return response;
  });

/**
 * POST /r/<token>/beacon: what the open page reports every few seconds and when it is hidden. The
 * common beacon (a well-formed one from a visit that already counts, or that does not make it count) is
 * written with the others arriving at the same moment (`queueBeacon`); everything else, and whatever that
 * write leaves to it, takes the one-request path, which answers each case (410, 403, 413, 422, 429).
 */
export async function receiveRoomBeacon(request: Request, token: string): Promise<Response> {
  const visitorId = visitorIdFrom(request);
  if (
    !visitorId ||
    !ROOM_TOKEN_PATTERN.test(token) ||
    Number(request.headers.get("content-length") ?? 0) > BEACON_MAX_BYTES
  )
    return receiveBeaconAlone(request, token, null);
  const raw = await request.text();
  const beacon = readBeacon(raw);
  if (!beacon) return receiveBeaconAlone(request, token, raw);
  try {
    const outcome = await queueBeacon({ tokenHash: hashRoomToken(token), visitorId, beacon });
    switch (outcome.kind) {
      case "stored":
        return new Response(null, { status: 204 });
      case "limited":
        throw tooMany(TOO_MANY_MESSAGE, outcome.retryAfterSeconds);
      case "forged":
        throw new AppError("validation_failed", FORGED_MESSAGE);
      case "late":
        throw new AppError("validation_failed", LATE_MESSAGE);
      case "ordinary":
        return receiveBeaconAlone(request, token, raw);
    }
  } catch (error) {
    return errorResponse(error, { path: "/r/…/beacon" });
  }
}

/** One beacon on its own: the room, the visit, the rate limit, the checks and the write, one by one. */
const receiveBeaconAlone = (request: Request, token: string, raw: string | null) =>
  contentRequest(request, token, "beacon", BEACON_LIMIT_PER_MINUTE, async ({ open, visit }) => {
    if (Number(request.headers.get("content-length") ?? 0) > BEACON_MAX_BYTES) {
      throw new AppError("payload_too_large", "Beacon too large");
    }
    const beacon = parseBeacon(raw ?? (await request.text()));
    if (await recordBeacon(open, visit, beacon)) await notifyRoomOpened(open.db, open.room, visit);
    return new Response(null, { status: 204 });
  });
