/** The status tabs of "My content": the four lifecycle states, with expired published assets on their own. */
export const contentStatusFilters = [
  "all",
  "draft",
  "in_review",
  "published",
  "expired",
  "archived",
] as const;
export type ContentStatusFilter = (typeof contentStatusFilters)[number];

export const contentStatusFilterLabels: Record<ContentStatusFilter, string> = {
  all: "All",
  draft: "Draft",
  in_review: "In review",
  published: "Published",
  expired: "Expired",
  archived: "Archived",
};

export const ownerScopes = ["mine", "all"] as const;
export type OwnerScope = (typeof ownerScopes)[number];

/** How far back "What's new" looks, in days. */
export const whatsNewRanges = [7, 30, 90] as const;
export type WhatsNewRange = (typeof whatsNewRanges)[number];

/** A review date this close (or past) puts an asset in "Needs attention". */
export const REVIEW_DUE_WITHIN_DAYS = 7;
/** A published asset with no recorded usage after this long is flagged as never used. */
export const NEVER_USED_AFTER_DAYS = 14;
