/**
 * The dates Baton accepts anywhere (deal close dates, analytics periods, expiry and review dates,
 * imported CSV dates): wide enough for any business record, narrow enough that date arithmetic and
 * per-year rollups stay bounded.
 */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2199-12-31";
export const DATE_RANGE_MESSAGE = `Use a date between ${EARLIEST_DATE} and ${LATEST_DATE}`;

/** For an ISO date or date-time (YYYY-MM-DD…): whether its day is within the range. */
export function isDateInRange(iso: string): boolean {
  const day = iso.slice(0, 10);
  return day >= EARLIEST_DATE && day <= LATEST_DATE;
}
