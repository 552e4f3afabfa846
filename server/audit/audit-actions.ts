import type { AssetStatus } from "@/lib/assets";
import type { RequestStatus } from "@/lib/requests";

/**
 * Every action the audit log records, with the kind of record its entry names (`entity_type`). The one
 * list of audited actions: an entry can only be written for an action listed here, so a misspelt action
 * fails to compile instead of writing a name no one filters for.
 */
const assetStatusChanges = {
  "asset.draft": "asset",
  "asset.in_review": "asset",
  "asset.published": "asset",
  "asset.archived": "asset",
} as const satisfies Record<`asset.${AssetStatus}`, "asset">;

const requestStatusChanges = {
  "request.new": "content_request",
  "request.accepted": "content_request",
  "request.in_progress": "content_request",
  "request.delivered": "content_request",
  "request.declined": "content_request",
  "request.merged": "content_request",
} as const satisfies Record<`request.${RequestStatus}`, "content_request">;

export const auditActions = {
  ...assetStatusChanges,
  "asset.created": "asset",
  "asset.updated": "asset",
  "asset.bulk_updated": "asset",
  "asset.partner_visibility_changed": "asset",
  "asset.version_added": "asset",
  "asset.rated": "asset",
  "asset.ratings_acknowledged": "asset",
  "asset.commented": "asset_comment",
  "asset.comment_replied": "asset_comment",
  "asset.thread_resolved": "asset_comment",
  "asset.thread_reopened": "asset_comment",
  "usage.logged": "asset_usage",
  "usage.updated": "asset_usage",
  "usage.deleted": "asset_usage",
  "announcement.published": "announcement",
  "token.created": "api_token",
  "token.revoked": "api_token",
  ...requestStatusChanges,
  "request.created": "content_request",
  "request.voted": "content_request",
  "deal.created": "deal",
  "deal.updated": "deal",
  "deal.stage_moved": "deal",
  "deal.won": "deal",
  "deal.lost": "deal",
  "deal.reopened": "deal",
  "deal.imported": "deal",
  "deal.synced": "deal",
  "deal.play_attached": "deal",
  "deal.play_step_done": "deal",
  "deals.imported": "import",
  "partner_invitation.created": "partner_invitation",
  "partner_invitation.revoked": "partner_invitation",
  "partner_invitation.accepted": "partner_invitation",
  "partner_org.created": "partner_org",
  "partner_org.updated": "partner_org",
  "play.created": "play",
  "play.updated": "play",
  "room.created": "room",
  "room.updated": "room",
  "room.revoked": "room",
  "taxonomy_term.created": "taxonomy_term",
  "taxonomy_term.renamed": "taxonomy_term",
  "taxonomy_term.moved": "taxonomy_term",
  "taxonomy_term.merged": "taxonomy_term",
  "taxonomy_term.deleted": "taxonomy_term",
  "user.created": "user",
  "user.updated": "user",
  "user.password_reset_requested": "user",
  "user.password_reset": "user",
  "workspace.approval_rule_changed": "workspace",
  "workspace.search_language_changed": "workspace",
} as const;

export type AuditAction = keyof typeof auditActions;
