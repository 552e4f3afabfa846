/** Search state lives in the URL (/search?q=…&stageIds=a,b…) so every result list can be linked and shared. */
export type SearchQuery = Record<string, string | undefined>;

export const listParams = [
  "stageIds",
  "types",
  "productIds",
  "industryIds",
  "personaIds",
  "regionIds",
  "competitorIds",
  "ownerIds",
] as const;
export type ListParam = (typeof listParams)[number];

export function valuesOf(query: SearchQuery, param: string): string[] {
  return (query[param] ?? "").split(",").filter(Boolean);
}

/** The URL of this search with `changes` applied; a new filter always starts again at the first page. */
export function searchHref(query: SearchQuery, changes: SearchQuery): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, cursor: undefined, ...changes })) {
    if (value) next.set(key, value);
  }
  const text = next.toString();
  return text ? `/search?${text}` : "/search";
}

/** Adds or removes one value of a comma-separated filter. */
export function toggledHref(query: SearchQuery, param: string, value: string): string {
  const current = valuesOf(query, param);
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return searchHref(query, { [param]: next.join(",") || undefined });
}
