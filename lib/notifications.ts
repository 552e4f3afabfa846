/** Notification kinds, their labels, and digest choices (shared by server and UI). */
export const notificationKinds = [
  "asset_published",
  "asset_version",
  "request_update",
  "content_expiring",
  "announcement",
  "feedback",
  "buyer_engagement",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationKindLabels: Record<NotificationKind, string> = {
  asset_published: "New content for what you follow",
  asset_version: "New versions of content you used or follow",
  request_update: "Your content requests",
  content_expiring: "Your content about to expire",
  announcement: "Announcements from marketing",
  feedback: "Feedback on your content",
  buyer_engagement: "Buyers opening the rooms you shared",
};

export const digestFrequencies = ["off", "daily", "weekly"] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];
export const digestFrequencyLabels: Record<DigestFrequency, string> = {
  off: "No email",
  daily: "Daily digest",
  weekly: "Weekly digest",
};
