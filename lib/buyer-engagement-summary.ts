import type { RoomDetailDto } from "@/lib/schemas/rooms";

export interface BuyerEngagementSummary {
  rooms: number;
  /** Distinct assets the deal's rooms show now. */
  sharedAssets: number;
  /** Of those, the ones a counted buyer read or downloaded. */
  openedAssets: number;
  /** Counted buyers over all rooms (a person who opened two rooms counts in each: visitor ids are per room). */
  buyers: number;
  readSeconds: number;
  downloads: number;
  lastOpenedAt: string | null;
}

/** A deal's buyer engagement over all its rooms, from the rooms as the deal page shows them. */
export function summarizeBuyerEngagement(rooms: RoomDetailDto[]): BuyerEngagementSummary {
  const shared = new Set(rooms.flatMap((r) => r.assets.map((a) => a.id)));
  const reads = rooms.flatMap((r) => r.visitors.flatMap((v) => v.assets));
  const opened = new Set(reads.filter((a) => shared.has(a.assetId)).map((a) => a.assetId));
  const last = rooms
    .map((r) => r.engagement.lastOpenedAt)
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);
  return {
    rooms: rooms.length,
    sharedAssets: shared.size,
    openedAssets: opened.size,
    buyers: rooms.reduce((sum, r) => sum + r.engagement.visitors, 0),
    readSeconds: reads.reduce((sum, a) => sum + a.readSeconds, 0),
    downloads: reads.reduce((sum, a) => sum + a.downloads, 0),
    lastOpenedAt: last ?? null,
  };
}
