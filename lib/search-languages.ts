/** PostgreSQL's built-in text-search configurations Baton offers for stemming ("simple" = no stemming). */
export const searchLanguages = {
  english: "English",
  german: "German",
  french: "French",
  spanish: "Spanish",
  italian: "Italian",
  portuguese: "Portuguese",
  dutch: "Dutch",
  swedish: "Swedish",
  danish: "Danish",
  norwegian: "Norwegian",
  finnish: "Finnish",
  russian: "Russian",
  turkish: "Turkish",
  simple: "No stemming (exact words)",
} as const;

export type SearchLanguage = keyof typeof searchLanguages;
export const searchLanguageIds = Object.keys(searchLanguages) as [SearchLanguage, ...SearchLanguage[]];
