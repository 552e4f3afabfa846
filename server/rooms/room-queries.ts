import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  assets,
  deals,
  files,
  roomAssets,
  roomPageDwell,
  roomVisitAssets,
  roomVisits,
  rooms,
  users,
} from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { RoomDetailDto, RoomDto } from "@/lib/schemas/rooms";
import type { Actor } from "@/server/authz/actor";
import { roomLinkEmailsOf } from "./email-room-link";
import {
  assetVisibility,
  assetVisibleToUser,
  dealVisibility,
  roomDealVisibility,
} from "@/server/authz/visibility";
import { withCurrentFile } from "@/server/assets/current-file";

type RoomRow = typeof rooms.$inferSelect;

export function roomStatus(room: Pick<RoomRow, "revokedAt" | "expiresAt">, now = new Date()) {
  if (room.revokedAt) return "revoked" as const;
  return room.expiresAt <= now ? ("expired" as const) : ("active" as const);
}

/** A counted visit: not a known bot, and proven to be a person reading (see README "The bot rule"). */
export const countedVisit = and(eq(roomVisits.bot, false), isNotNull(roomVisits.engagedAt))!;

/**
 * The assets a room shows, in order: still visible to the room's creator (an archived, expired or
 * withdrawn asset drops out) and, when a viewer is given, to that viewer too.
 */
export async function listRoomAssets(db: Database, roomIds: string[], viewer?: Actor) {
  if (roomIds.length === 0) return [];
  return withCurrentFile(
    db
      .select({
        roomId: roomAssets.roomId,
        id: assets.id,
        title: assets.title,
        type: assets.type,
        position: roomAssets.position,
        pageCount: files.pageCount,
        allowDownload: assets.allowDownload,
        file: {
          id: files.id,
          storageKey: files.storageKey,
          mimeType: files.mimeType,
          originalName: files.originalName,
          sizeBytes: files.sizeBytes,
          previewPageCount: files.previewPageCount,
        },
      })
      .from(roomAssets)
      .innerJoin(rooms, eq(rooms.id, roomAssets.roomId))
      .innerJoin(users, eq(users.id, rooms.creatorId))
      .innerJoin(assets, eq(assets.id, roomAssets.assetId))
      .$dynamic(),
  )
    .where(
      and(
        inArray(roomAssets.roomId, roomIds),
        assetVisibleToUser(),
        viewer ? assetVisibility(viewer) : undefined,
      ),
    )
    .orderBy(asc(roomAssets.position));
}

async function engagementOf(db: Database, roomIds: string[]) {
  if (roomIds.length === 0) return new Map<string, RoomDto["engagement"]>();
  const rows = await db
    .select({
      roomId: roomVisits.roomId,
      visitors: sql<number>`count(*) filter (where ${countedVisit})::int`,
      filtered: sql<number>`count(*) filter (where not (${countedVisit}))::int`,
      first: sql<Date | null>`min(${roomVisits.engagedAt}) filter (where ${countedVisit})`,
      last: sql<Date | null>`max(${roomVisits.lastSeenAt}) filter (where ${countedVisit})`,
    })
    .from(roomVisits)
    .where(inArray(roomVisits.roomId, roomIds))
    .groupBy(roomVisits.roomId);
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return new Map(
    rows.map((r) => [
      r.roomId,
      {
        visitors: r.visitors,
        filteredVisits: r.filtered,
        firstOpenedAt: iso(r.first),
        lastOpenedAt: iso(r.last),
      },
    ]),
  );
}

async function toRoomDtos(
  db: Database,
  viewer: Actor,
  rows: { room: RoomRow; creatorName: string }[],
): Promise<RoomDto[]> {
  const ids = rows.map((r) => r.room.id);
  const [assetRows, engagement, emails] = await Promise.all([
    listRoomAssets(db, ids, viewer),
    engagementOf(db, ids),
    roomLinkEmailsOf(db, ids),
  ]);
  return rows.map(({ room, creatorName }) => ({
    id: room.id,
    dealId: room.dealId,
    title: room.title,
    message: room.message,
    status: roomStatus(room),
    expiresAt: room.expiresAt.toISOString(),
    revokedAt: room.revokedAt?.toISOString() ?? null,
    allowDownload: room.allowDownload,
    emailGate: room.emailGate,
    allowedEmails: room.allowedEmails,
    allowedDomain: room.allowedDomain,
    hasPassword: room.passwordHash !== null,
    creatorId: room.creatorId,
    creatorName,
    createdAt: room.createdAt.toISOString(),
    assets: assetRows
      .filter((a) => a.roomId === room.id)
      .map((a) => ({ id: a.id, title: a.title, type: a.type, position: a.position })),
    engagement: engagement.get(room.id) ?? {
      visitors: 0,
      filteredVisits: 0,
      firstOpenedAt: null,
      lastOpenedAt: null,
    },
    emails: emails
      .filter((e) => e.roomId === room.id)
      .map((e) => ({
        to: e.to,
        status: e.status,
        queuedAt: e.queuedAt.toISOString(),
        sentAt: e.sentAt?.toISOString() ?? null,
      })),
  }));
}

const roomColumns = { room: rooms, creatorName: users.name };

/** The rooms of a deal, newest first; a deal whose rooms the actor may not see is a 404. */
export async function listDealRooms(db: Database, actor: Actor, dealId: string): Promise<RoomDto[]> {
  const [deal] = await db
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.id, dealId), roomDealVisibility(actor)));
  if (!deal) throw notFound("Deal not found");
  const rows = await db
    .select(roomColumns)
    .from(rooms)
    .innerJoin(users, eq(users.id, rooms.creatorId))
    .where(eq(rooms.dealId, dealId))
    .orderBy(desc(rooms.createdAt));
  return toRoomDtos(db, actor, rows);
}

export async function getRoomDto(db: Database, actor: Actor, roomId: string): Promise<RoomDto> {
  const rows = await db
    .select(roomColumns)
    .from(rooms)
    .innerJoin(users, eq(users.id, rooms.creatorId))
    .innerJoin(deals, eq(deals.id, rooms.dealId))
    .where(and(eq(rooms.id, roomId), roomDealVisibility(actor), dealVisibility(actor)));
  if (!rows[0]) throw notFound("Room not found");
  return (await toRoomDtos(db, actor, rows))[0]!;
}

/** A room with who opened it and what each visitor read (bots and link scanners left out). */
export async function getRoomDetail(db: Database, actor: Actor, roomId: string): Promise<RoomDetailDto> {
  const room = await getRoomDto(db, actor, roomId);
  const visits = await db
    .select()
    .from(roomVisits)
    .where(and(eq(roomVisits.roomId, roomId), countedVisit))
    .orderBy(asc(roomVisits.engagedAt));
  const visitIds = visits.map((v) => v.id);
  const shown = new Set(room.assets.map((a) => a.id));
  const [assetRows, pageRows, pageCounts] = await Promise.all([
    visitIds.length
      ? db.select().from(roomVisitAssets).where(inArray(roomVisitAssets.visitId, visitIds))
      : Promise.resolve([]),
    visitIds.length
      ? db
          .select({ visitId: roomPageDwell.visitId, assetId: roomPageDwell.assetId, pages: count() })
          .from(roomPageDwell)
          .where(and(inArray(roomPageDwell.visitId, visitIds), sql`${roomPageDwell.dwellMs} > 0`))
          .groupBy(roomPageDwell.visitId, roomPageDwell.assetId)
      : Promise.resolve([]),
    listRoomAssets(db, [roomId], actor),
  ]);
  const pagesOf = new Map(pageRows.map((p) => [`${p.visitId}:${p.assetId}`, p.pages]));
  const pageCountOf = new Map(pageCounts.map((a) => [a.id, a.pageCount]));
  return {
    ...room,
    visitors: visits.map((v, i) => ({
      label: v.email ?? `Visitor ${i + 1}`,
      email: v.email,
      userAgent: v.userAgentClass,
      doNotTrack: v.doNotTrack,
      firstSeenAt: (v.engagedAt ?? v.startedAt).toISOString(),
      lastSeenAt: v.lastSeenAt.toISOString(),
      assets: assetRows
        .filter((a) => a.visitId === v.id && shown.has(a.assetId))
        .map((a) => ({
          assetId: a.assetId,
          firstOpenedAt: a.firstOpenedAt.toISOString(),
          pagesViewed: pagesOf.get(`${v.id}:${a.assetId}`) ?? 0,
          pageCount: pageCountOf.get(a.assetId) ?? null,
          lastPage: a.lastPage,
          readSeconds: Math.round(a.dwellMs / 1000),
          downloads: a.downloads,
        })),
    })),
  };
}

/**
 * The deal page's rooms, each with who opened what; null when the actor may not see this deal's rooms
 * (another rep's deal), so the page leaves the section out.
 */
export async function loadDealRooms(
  db: Database,
  actor: Actor,
  dealId: string,
): Promise<RoomDetailDto[] | null> {
  const [deal] = await db
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.id, dealId), roomDealVisibility(actor)));
  if (!deal) return null;
  const ids = await db
    .select({ id: rooms.id })
    .from(rooms)
    .where(eq(rooms.dealId, dealId))
    .orderBy(desc(rooms.createdAt));
  return Promise.all(ids.map((r) => getRoomDetail(db, actor, r.id)));
}
