import "server-only";
import type { Database } from "@/db/client";
import { parsePageFilters } from "@/lib/analytics/page-filters";
import { recordAssetActivity } from "@/server/activity/record-activity";
import { getAssetAnalytics } from "@/server/analytics/asset-analytics";
import type { Actor } from "@/server/authz/actor";
import { actorCan } from "@/server/authz/permissions";
import { myOpenDeals } from "@/server/deals/deal-queries";
import { listCommentThreads } from "@/server/feedback/asset-comments";
import { getAssetFeedbackSummary, newNotHelpedRatings } from "@/server/feedback/feedback-stats";
import { isFollowing } from "@/server/notifications/subscriptions";
import { getAssetPartnerVisibility } from "@/server/partners/asset-partner-visibility";
import { listPartnerOptions } from "@/server/partners/partner-options";
import { listShareableDeals } from "@/server/rooms/shareable-deals";
import { recordSearchClick } from "@/server/search/search-analytics";
import { listTermOptions } from "@/server/taxonomy/taxonomy-queries";
import { listStages } from "@/server/workspaces/stage-queries";
import { getWorkspaceSettings } from "@/server/workspaces/workspace-settings";
import { assetTermList, assetUsageSummary, getAssetOrThrow } from "./asset-queries";
import { fileTextOutline } from "./asset-text";
import { listAssetVersions } from "./list-asset-versions";
import { mayDownloadFile, seesInternalDetails } from "@/server/authz/rules";

/**
 * Everything the asset page shows, read with what the actor may do with it. Opening the page counts as a
 * view, and as the click on a search result when it was opened from one (`fromSearch`).
 */
export async function loadAssetPage(db: Database, actor: Actor, assetId: string, fromSearch?: number) {
  const found = await getAssetOrThrow(db, actor, assetId);
  const { asset, file } = found;
  const may = {
    edit: actorCan(actor, "assets.write"),
    publish: actorCan(actor, "assets.publish"),
    manageFeedback: actorCan(actor, "feedback.manage"),
    comment: actorCan(actor, "feedback.comment"),
    rate: actorCan(actor, "feedback.rate") && asset.status === "published",
    download: mayDownloadFile(actor, asset),
    seeInternals: seesInternalDetails(actor),
  };
  const [feedback, threads, newRatings, following] = await Promise.all([
    getAssetFeedbackSummary(db, actor, asset.id),
    listCommentThreads(db, actor, asset.id),
    may.manageFeedback ? newNotHelpedRatings(db, actor, asset.id) : [],
    isFollowing(db, actor, { assetId: asset.id }),
  ]);
  // Only published, unexpired content goes into a buyer room (loadShareableAssets says the same).
  const shareable = asset.status === "published" && !found.expired && actorCan(actor, "rooms.share");
  const [stages, summary, deals, shareDeals, versions, tags, termOptions, text, settings, partnerEdit] =
    await Promise.all([
      listStages(db, actor.workspaceId),
      may.seeInternals ? assetUsageSummary(db, actor, asset.id) : null,
      actorCan(actor, "usage.write") ? myOpenDeals(db, actor) : [],
      shareable ? listShareableDeals(db, actor) : [],
      may.edit ? listAssetVersions(db, actor, asset.id) : [],
      assetTermList(db, asset.id),
      may.edit ? listTermOptions(db, actor.workspaceId) : [],
      file?.id ? fileTextOutline(db, file.id) : { text: null, totalChars: 0 },
      getWorkspaceSettings(db, actor.workspaceId),
      may.edit ? Promise.all([getAssetPartnerVisibility(db, asset.id), listPartnerOptions(db, actor)]) : null,
    ]);
  const analytics = actorCan(actor, "analytics.read")
    ? await getAssetAnalytics(db, actor.workspaceId, asset.id, parsePageFilters({}).filters)
    : null;
  await recordAssetActivity(db, actor, "view", asset.id);
  if (fromSearch !== undefined) {
    // Opened from a search result: marketing learns which result answered the search.
    await recordSearchClick(db, actor, { searchId: fromSearch, assetId: asset.id }).catch(() => undefined);
  }
  return {
    ...found,
    may,
    feedback,
    threads,
    newRatings,
    following,
    stages,
    summary,
    deals,
    shareDeals,
    versions,
    tags,
    termOptions,
    text,
    settings,
    partnerEdit,
    analytics,
  };
}
