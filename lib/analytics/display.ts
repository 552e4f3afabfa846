import type { AnalyticsFilters } from "@/lib/schemas/analytics";

/** Shared by the tables on screen and their CSV export, so both always show the same text. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(0)}%`;
}

export function formatInterval(interval: { low: number; high: number } | null): string {
  return interval === null ? "—" : `${(interval.low * 100).toFixed(0)}–${(interval.high * 100).toFixed(0)}%`;
}

export function formatLift(lift: number | null): string {
  if (lift === null) return "Too few deals to tell";
  const points = lift * 100;
  return `${points >= 0 ? "+" : "−"}${Math.abs(points).toFixed(1)} pts`;
}

/** A reading time: "45 s", "4 min 12 s", "1 h 5 min"; "—" when there is none. */
export function formatReadTime(ms: number | null): string {
  if (ms === null) return "—";
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  return minutes % 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes / 60} h`;
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat("en-US").format(n);
}

export function formatWholeMoney(amount: number, currency = "USD"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(
    amount,
  );
}

/** Filters as URL search params (for links that keep the current view). */
export function filterQuery(
  f: AnalyticsFilters & { range?: string },
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra }))
    if (v !== undefined && v !== "") params.set(k, String(v));
  return params.toString();
}

/** RFC 4180 CSV: every field quoted, quotes doubled. */
export function toCsv(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(",");
  return [line(header), ...rows.map(line)].join("\r\n") + "\r\n";
}

export function formatDateOrNever(iso: string | null): string {
  return iso === null
    ? "Never"
    : new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(
        new Date(iso),
      );
}
