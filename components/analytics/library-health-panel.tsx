import { formatDate } from "@/lib/format";
import { assetTypeLabels } from "@/lib/assets";
import type { HealthAsset } from "@/server/analytics/library-health";
import { DataTable } from "./data-table";

const assetRows = (list: HealthAsset[], extra: (a: HealthAsset) => string) =>
  list.map((a) => ({
    key: a.id,
    cells: [
      { text: a.title, href: `/assets/${a.id}` },
      { text: assetTypeLabels[a.type] },
      { text: a.ownerName },
      { text: formatDate(a.publishedAt) },
      { text: extra(a) },
    ],
  }));

export function LibraryHealthPanel({
  health,
}: {
  health: { neverUsed: HealthAsset[]; stale: HealthAsset[]; outdated: HealthAsset[]; staleDays: number };
}) {
  const base = [{ header: "Asset" }, { header: "Type" }, { header: "Owner" }, { header: "Published" }];
  return (
    <div className="grid gap-6">
      <DataTable
        title={`Never used (${health.neverUsed.length}) — oldest first`}
        csvName="never-used-assets.csv"
        testId="never-used"
        columns={[...base, { header: "Last used" }]}
        rows={assetRows(health.neverUsed, () => "Never")}
        empty="Every published asset has been used in at least one deal."
      />
      <DataTable
        title={`Not used in the last ${health.staleDays} days (${health.stale.length})`}
        csvName="stale-assets.csv"
        columns={[...base, { header: "Last used" }]}
        rows={assetRows(health.stale, (a) => formatDate(a.lastUsedAt))}
        empty={`Every used asset was used in the last ${health.staleDays} days.`}
      />
      <DataTable
        title={`Expired or past review (${health.outdated.length})`}
        csvName="outdated-assets.csv"
        columns={[...base, { header: "Expires / review by" }]}
        rows={assetRows(health.outdated, (a) => [a.expiresAt, a.reviewBy].map(formatDate).join(" / "))}
        empty="No published asset is past its expiry or review date."
      />
    </div>
  );
}
