/** "1 asset", "3 deals". */
export function countOf(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? "" : "s"}`;
}

/** "3 assets · 1 deal", or "Not used". */
export function describeUsage(assets: number, deals: number): string {
  if (assets + deals === 0) return "Not used";
  return `${countOf(assets, "asset")} · ${countOf(deals, "deal")}`;
}
