import { formatReadTime } from "@/lib/analytics/display";
import { summarizeBuyerEngagement } from "@/lib/buyer-engagement-summary";
import { formatDateTime } from "@/lib/format";
import type { RoomDetailDto } from "@/lib/schemas/rooms";

/** The deal's buyer engagement at a glance, over all its rooms. */
export function BuyerEngagementSummary({ rooms }: { rooms: RoomDetailDto[] }) {
  if (rooms.length === 0) return null;
  const s = summarizeBuyerEngagement(rooms);
  const items = [
    { label: "Opened", value: `${s.openedAssets} of ${s.sharedAssets} assets` },
    { label: "Buyers", value: String(s.buyers) },
    { label: "Reading", value: s.readSeconds ? formatReadTime(s.readSeconds * 1000) : "—" },
    { label: "Downloads", value: String(s.downloads) },
    { label: "Last opened", value: s.lastOpenedAt ? formatDateTime(s.lastOpenedAt) : "Not yet" },
  ];
  return (
    <dl
      className="mb-3 grid grid-cols-2 gap-2 rounded-md bg-brand-50/50 p-3 text-sm ring-1 ring-brand-100 sm:grid-cols-5"
      aria-label="Buyer engagement"
      data-testid="deal-buyer-engagement"
    >
      {items.map((i) => (
        <div key={i.label} className="min-w-0">
          <dt className="text-xs text-slate-500">{i.label}</dt>
          <dd className="font-medium tabular-nums text-slate-900">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
