import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets, deals, files, roomPageDwell, roomVisitAssets, roomVisits, rooms } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility, roomDealVisibility } from "@/server/authz/visibility";
import { countedVisit } from "./room-queries";
import { withCurrentFile } from "@/server/assets/current-file";

/**
 * What buyers read of each asset shared on a deal, over every room and counted visit: pages with reading
 * time, of how many, total minutes, and when last. Only for people who may see the deal's rooms, and only
 * assets they may see.
 */
export async function dealBuyerReading(db: Database, actor: Actor, dealId: string) {
  const scope = and(
    eq(rooms.dealId, dealId),
    roomDealVisibility(actor),
    assetVisibility(actor),
    countedVisit,
  );
  const [perAsset, perPage] = await Promise.all([
    withCurrentFile(
      db
        .select({
          assetId: assets.id,
          title: assets.title,
          pageCount: files.pageCount,
          dwellMs: sql<number>`sum(${roomVisitAssets.dwellMs})::bigint`.mapWith(Number),
          downloads: sql<number>`sum(${roomVisitAssets.downloads})::int`,
          lastAt: sql<Date>`max(${roomVisits.lastSeenAt})`,
        })
        .from(roomVisitAssets)
        .innerJoin(roomVisits, eq(roomVisits.id, roomVisitAssets.visitId))
        .innerJoin(rooms, eq(rooms.id, roomVisits.roomId))
        .innerJoin(deals, eq(deals.id, rooms.dealId))
        .innerJoin(assets, eq(assets.id, roomVisitAssets.assetId))
        .$dynamic(),
    )
      .where(scope)
      .groupBy(assets.id, assets.title, files.pageCount),
    db
      .select({
        assetId: roomPageDwell.assetId,
        pages: sql<number>`count(distinct ${roomPageDwell.page}) filter (where ${roomPageDwell.dwellMs} > 0)::int`,
      })
      .from(roomPageDwell)
      .innerJoin(roomVisits, eq(roomVisits.id, roomPageDwell.visitId))
      .innerJoin(rooms, eq(rooms.id, roomVisits.roomId))
      .innerJoin(deals, eq(deals.id, rooms.dealId))
      .innerJoin(assets, eq(assets.id, roomPageDwell.assetId))
      .where(scope)
      .groupBy(roomPageDwell.assetId),
  ]);
  const pagesOf = new Map(perPage.map((p) => [p.assetId, p.pages]));
  return perAsset.map((a) => ({
    ...a,
    pagesRead: pagesOf.get(a.assetId) ?? 0,
    // Both drivers parse timestamptz into a Date; new Date() keeps that true for either.
    lastAt: new Date(a.lastAt),
  }));
}

/** "Buyer read “Pricing deck”: 6 of 14 pages, 4 min" */
export function buyerReadingLine(r: {
  title: string;
  pagesRead: number;
  pageCount: number | null;
  dwellMs: number;
}) {
  const minutes = Math.max(1, Math.round(r.dwellMs / 60_000));
  const pages = r.pageCount && r.pageCount > 1 ? `${r.pagesRead} of ${r.pageCount} pages, ` : "";
  return `Buyer read “${r.title}”: ${pages}${minutes} min`;
}
