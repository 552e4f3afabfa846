const DAY = 86_400_000;

/** Whole days from `now` to `when` (negative when past), rounded toward the nearer day. */
export function daysFrom(when: Date, now: Date = new Date()): number {
  return Math.round((when.getTime() - now.getTime()) / DAY);
}

/** "today", "in 3 days", "5 days ago". */
export function describeDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
