import "server-only";

/*
 * The definitions behind every analytics number, in one place. The SQL in effectiveness-query.ts only
 * counts deals into the sets described here; everything derived from the counts is computed below.
 *
 * - Used deals of an asset (at a stage): closed deals (won or lost, closed within the period) with at
 *   least one usage of the asset (logged at that stage). A reopened deal is open again, so it is not closed.
 * - Baseline deals: closed deals in the same period that reached the same stage (the stage itself, or for
 *   the asset as a whole the earliest stage it was used at) and never used the asset at any stage.
 * - Win rate: won / (won + lost). Interval: the 95% Wilson score interval of that rate.
 * - Lift: used win rate minus baseline win rate, in percentage points (0.12 = 12 points).
 * - Influenced revenue: the sum of the amounts of won used deals. A deal that used several assets counts
 *   in full for each of them, so influenced revenue is not additive across assets.
 * - Too few deals to tell: fewer than MIN_CLOSED_DEALS closed deals on either side; no lift is given.
 * - Buyer engagement (buyer-engagement.ts, from the analytics_room_assets rollup): rooms an asset was
 *   shared in during the period, the share of them where a counted buyer opened it, the median reading
 *   time per room, page-by-page drop-off; and the comparison above between closed deals where a buyer
 *   opened it (engaged) and closed deals where it was shared in a room but never opened (the baseline).
 */

/** Below this many closed deals on either side the comparison says "too few deals to tell". */
export const MIN_CLOSED_DEALS = 10;
/** z for a two-sided 95% interval. */
export const CONFIDENCE_Z = 1.959964;

export interface OutcomeCounts {
  won: number;
  lost: number;
}

export interface WinRate {
  won: number;
  lost: number;
  closed: number;
  /** null when there are no closed deals. */
  rate: number | null;
  interval: { low: number; high: number } | null;
}

export type Verdict = "too_few" | "higher" | "lower" | "unclear";

export interface Effectiveness {
  used: WinRate;
  baseline: WinRate;
  /** Percentage points as a fraction; null when there are too few deals to tell. */
  lift: number | null;
  verdict: Verdict;
  influencedRevenueMinor: number;
}

/** The Wilson score interval for `won` successes out of `n`; null when n is 0. */
export function wilsonInterval(
  won: number,
  n: number,
  z = CONFIDENCE_Z,
): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = won / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  // At 0 or n wins the bound is exactly 0 or 1; floating point would give 1e-17 or 0.9999999999999999.
  return {
    low: won === 0 ? 0 : Math.max(0, centre - half),
    high: won === n ? 1 : Math.min(1, centre + half),
  };
}

export function winRate({ won, lost }: OutcomeCounts): WinRate {
  const closed = won + lost;
  return {
    won,
    lost,
    closed,
    rate: closed === 0 ? null : won / closed,
    interval: wilsonInterval(won, closed),
  };
}

export function effectiveness(
  used: OutcomeCounts & { wonRevenueMinor: number },
  baseline: OutcomeCounts,
): Effectiveness {
  const u = winRate(used);
  const b = winRate(baseline);
  const enough = u.closed >= MIN_CLOSED_DEALS && b.closed >= MIN_CLOSED_DEALS;
  const lift = enough ? u.rate! - b.rate! : null;
  let verdict: Verdict = "too_few";
  if (enough) {
    if (u.interval!.low > b.rate!) verdict = "higher";
    else if (u.interval!.high < b.rate!) verdict = "lower";
    else verdict = "unclear";
  }
  return { used: u, baseline: b, lift, verdict, influencedRevenueMinor: used.wonRevenueMinor };
}

/**
 * Orders assets by lift, highest first; assets with too few deals go last. Ties break on more closed
 * used deals (the better-supported number first), then on title, so the order is stable.
 */
export function compareByLift(
  a: { title: string; lift: number | null; used: { closed: number } },
  b: { title: string; lift: number | null; used: { closed: number } },
): number {
  if (a.lift === null && b.lift !== null) return 1;
  if (b.lift === null && a.lift !== null) return -1;
  if (a.lift !== null && b.lift !== null && a.lift !== b.lift) return b.lift - a.lift;
  const byDeals = b.used.closed - a.used.closed;
  return byDeals !== 0 ? byDeals : a.title.localeCompare(b.title);
}

/** Share of all usage that goes to the top 10% of assets (at least one asset); null with no usage. */
export function topDecileShare(usagePerAsset: number[]): number | null {
  const total = usagePerAsset.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const top = Math.max(1, Math.ceil(usagePerAsset.length * 0.1));
  const sorted = [...usagePerAsset].sort((x, y) => y - x);
  return sorted.slice(0, top).reduce((s, n) => s + n, 0) / total;
}
