export const assetTypes = [
  "case_study",
  "roi_model",
  "talk_track",
  "battlecard",
  "one_pager",
  "deck",
  "email_template",
  "demo_script",
  "competitive_brief",
  "video",
  "other",
] as const;
export type AssetType = (typeof assetTypes)[number];

export const assetTypeLabels: Record<AssetType, string> = {
  case_study: "Case study",
  roi_model: "ROI model",
  talk_track: "Talk track",
  battlecard: "Battlecard",
  one_pager: "One-pager",
  deck: "Deck",
  email_template: "Email template",
  demo_script: "Demo script",
  competitive_brief: "Competitive brief",
  video: "Video",
  other: "Other",
};

/** Where a file's text extraction and previews stand. */
export const processingStates = ["pending", "done", "failed"] as const;

export const assetStatuses = ["draft", "in_review", "published", "archived"] as const;
export type AssetStatus = (typeof assetStatuses)[number];

export const assetStatusLabels: Record<AssetStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  published: "Published",
  archived: "Archived",
};

export const usageKinds = ["sent", "presented", "discussed", "left_behind", "shared"] as const;
export type UsageKind = (typeof usageKinds)[number];
export const usageKindLabels: Record<UsageKind, string> = {
  sent: "Sent",
  presented: "Presented",
  discussed: "Discussed",
  left_behind: "Left behind",
  shared: "Shared with buyer",
};
/** The kinds a person logs by hand; `shared` is recorded only by sharing a buyer room. */
export const loggedUsageKinds = [
  "sent",
  "presented",
  "discussed",
  "left_behind",
] as const satisfies readonly UsageKind[];

export const buyerReactions = ["positive", "neutral", "negative"] as const;
export type BuyerReaction = (typeof buyerReactions)[number];
