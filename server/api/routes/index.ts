import "server-only";
import type { ApiRoute } from "../define-route";
import { getAssetAnalyticsRoute, listAssetAnalyticsRoute } from "./analytics";
import {
  addAssetVersionRoute,
  assetPreviewPageRoute,
  assetThumbnailRoute,
  assetVideoStreamRoute,
  createAsset,
  downloadAssetFile,
  downloadAssetVersionRoute,
  getAsset,
  updateAssetRoute,
} from "./assets";
import {
  createDealRoute,
  exportDealsRoute,
  getDealRoute,
  listDealsRoute,
  updateDealRoute,
  upsertExternalDealRoute,
} from "./deals";
import { importDealsRoute, previewImportRoute } from "./deal-import";
import {
  getAssetFeedbackRoute,
  listAssetCommentsRoute,
  listMentionableUsersRoute,
  postAssetCommentRoute,
  rateAssetRoute,
} from "./feedback";
import { listLossReasonsRoute, listPartnerTiersRoute, listTermsRoute } from "./lists";
import { getMe, getStages } from "./me";
import { createPartnerOrgRoute, listPartnerOrgsRoute, updatePartnerOrgRoute } from "./partner-orgs";
import { listNotificationsRoute, markNotificationsReadRoute } from "./notifications";
import { createRequestRoute, listRequestsRoute, updateRequestRoute, voteRequestRoute } from "./requests";
import { createRoomRoute, getRoomRoute, listDealRoomsRoute, updateRoomRoute } from "./rooms";
import { recordSearchClickRoute, searchAssetsRoute } from "./search";
import { createToken, listTokens, revokeToken } from "./tokens";
import { createDealUsageRoute, deleteUsageRoute, listDealUsagesRoute, updateUsageRoute } from "./usages";
import { createUserRoute, listUsersRoute, updateUserRoute } from "./users";

/** Every /api/v1 endpoint; the OpenAPI document is generated from this list. */
export const apiRoutes: ApiRoute[] = [
  getMe,
  getStages,
  listLossReasonsRoute,
  listTermsRoute,
  listPartnerTiersRoute,
  listTokens,
  createToken,
  revokeToken,
  searchAssetsRoute,
  recordSearchClickRoute,
  createAsset,
  getAsset,
  downloadAssetFile,
  updateAssetRoute,
  addAssetVersionRoute,
  downloadAssetVersionRoute,
  assetPreviewPageRoute,
  assetThumbnailRoute,
  assetVideoStreamRoute,
  listDealsRoute,
  exportDealsRoute,
  createDealRoute,
  getDealRoute,
  updateDealRoute,
  upsertExternalDealRoute,
  importDealsRoute,
  previewImportRoute,
  listDealUsagesRoute,
  createDealUsageRoute,
  updateUsageRoute,
  deleteUsageRoute,
  listDealRoomsRoute,
  createRoomRoute,
  getRoomRoute,
  updateRoomRoute,
  getAssetFeedbackRoute,
  rateAssetRoute,
  listAssetCommentsRoute,
  listMentionableUsersRoute,
  postAssetCommentRoute,
  listAssetAnalyticsRoute,
  getAssetAnalyticsRoute,
  listUsersRoute,
  createUserRoute,
  updateUserRoute,
  listPartnerOrgsRoute,
  createPartnerOrgRoute,
  updatePartnerOrgRoute,
  listRequestsRoute,
  createRequestRoute,
  updateRequestRoute,
  voteRequestRoute,
  listNotificationsRoute,
  markNotificationsReadRoute,
];
