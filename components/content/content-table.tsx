import { AssetStatusBadge, AssetTypeBadge } from "@/components/assets/asset-badges";
import { AssetLink } from "@/components/assets/asset-title";
import { TableHead } from "@/components/ui/table-head";
import type { AssetStatus, AssetType } from "@/lib/assets";
import { formatDate } from "@/lib/format";
import { ProcessingBadge } from "./processing-badge";

export interface ContentRow {
  id: string;
  title: string;
  type: AssetType;
  status: AssetStatus;
  expired: boolean;
  updatedAt: Date;
  ownerName: string;
  stageNames: string[];
  processingState: string | null;
  processingError: string | null;
}

export function ContentTable({ rows, showOwner }: { rows: ContentRow[]; showOwner: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Content">
        <TableHead
          className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500"
          cellClassName="px-4 py-2"
          columns={["Title", "Type", "Stages", "Status", ...(showOwner ? ["Owner"] : []), "Updated"]}
        />
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top">
              <td className="px-4 py-2">
                <AssetLink id={row.id} title={row.title} />
                <div className="mt-1">
                  <ProcessingBadge state={row.processingState} error={row.processingError} />
                </div>
              </td>
              <td className="px-4 py-2">
                <AssetTypeBadge type={row.type} />
              </td>
              <td className="px-4 py-2 text-slate-600">{row.stageNames.join(" · ") || "—"}</td>
              <td className="px-4 py-2">
                <AssetStatusBadge status={row.status} expired={row.expired} />
              </td>
              {showOwner ? <td className="px-4 py-2 text-slate-600">{row.ownerName}</td> : null}
              <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatDate(row.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
