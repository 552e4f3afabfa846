import "server-only";
import type { Database } from "@/db/client";
import type { Actor } from "@/server/authz/actor";
import { actorCan } from "@/server/authz/permissions";
import { canEditDeal } from "@/server/authz/visibility";
import { dealPlayProgress } from "@/server/plays/deal-plays";
import { listPlays } from "@/server/plays/play-queries";
import { dealBuyerReading } from "@/server/rooms/deal-buyer-reading";
import { loadDealRooms } from "@/server/rooms/room-queries";
import { recommendForDeal } from "@/server/search/recommend-for-deal";
import { listStages } from "@/server/workspaces/stage-queries";
import { dealTagsOf, dealTimeline, dealUsages, getDealOrThrow, lossReasonsOf } from "./deal-queries";

/** Everything the deal page shows, read with what the actor may do with the deal. */
export async function loadDealPage(db: Database, actor: Actor, dealId: string) {
  const found = await getDealOrThrow(db, actor, dealId);
  const { deal } = found;
  const editable = canEditDeal(actor, deal);
  const showPlays = actorCan(actor, "plays.read");
  const [stages, recommended, usages, timeline, reasons, tags, [runningPlays, allPlays]] = await Promise.all([
    listStages(db, actor.workspaceId),
    recommendForDeal(db, actor, deal.id, 12),
    dealUsages(db, actor, deal.id),
    dealTimeline(db, deal.id),
    lossReasonsOf(db, actor.workspaceId),
    dealTagsOf(db, deal.id),
    showPlays ? Promise.all([dealPlayProgress(db, actor, deal.id), listPlays(db, actor)]) : [[], []],
  ]);
  const [dealRooms, buyerReading] = actorCan(actor, "rooms.read")
    ? await Promise.all([loadDealRooms(db, actor, deal.id), dealBuyerReading(db, actor, deal.id)])
    : [null, []];
  return {
    ...found,
    editable,
    showPlays,
    canRunPlays: showPlays && actorCan(actor, "plays.run") && editable && deal.status === "open",
    stages,
    recommended,
    usages,
    timeline,
    reasons,
    tags,
    runningPlays,
    allPlays,
    dealRooms,
    buyerReading,
    canShare: editable && actorCan(actor, "rooms.share"),
  };
}
