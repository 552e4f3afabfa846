export const ratingReasons = ["outdated", "wrong_audience", "missing_data", "too_long", "other"] as const;
export type RatingReason = (typeof ratingReasons)[number];

export const ratingReasonLabels: Record<RatingReason, string> = {
  outdated: "Outdated",
  wrong_audience: "Wrong audience",
  missing_data: "Missing data",
  too_long: "Too long",
  other: "Other",
};

export const commentKinds = ["comment", "question"] as const;
export type CommentKind = (typeof commentKinds)[number];

/** The "@Name" tokens a comment body mentions, to check the mentioned ids against. */
export function mentionsIn(body: string, names: { id: string; name: string }[]): string[] {
  return names.filter((n) => body.includes(`@${n.name}`)).map((n) => n.id);
}
