import { z } from "zod";
import { AssetStatusBadge, AssetTypeBadge } from "@/components/assets/asset-badges";
import { AssetStatusActions } from "@/components/assets/asset-status-actions";
import { NewVersionForm } from "@/components/assets/new-version-form";
import { UsedInDealMenu } from "@/components/assets/used-in-deal-menu";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { formatBytes, formatDate } from "@/lib/format";
import { assetUsageSummary, getAssetOrThrow } from "@/server/assets/asset-queries";
import { listAssetVersions } from "@/server/assets/asset-versions";
import { requirePageActor } from "@/server/auth/session";
import { can } from "@/server/authz/permissions";
import { myOpenDeals } from "@/server/deals/deal-queries";
import { orNotFound } from "@/server/pages/or-not-found";
import { recordAssetActivity } from "@/server/activity/record-activity";
import { listStages } from "@/server/workspaces/stage-queries";
import { notFound } from "next/navigation";

export const metadata = { title: "Asset" };

export default async function AssetPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("assets.read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const db = await getDb();
  const { asset, file, ownerName, stageIds, version, expired } = await orNotFound(
    getAssetOrThrow(db, actor, id.data),
  );
  const internal = actor.role !== "partner";
  const [stages, summary, deals, versions] = await Promise.all([
    listStages(db, actor.workspaceId),
    internal ? assetUsageSummary(db, actor, asset.id) : null,
    can(actor.role, "usage.write") ? myOpenDeals(db, actor) : [],
    can(actor.role, "assets.write") ? listAssetVersions(db, actor, asset.id) : [],
  ]);
  await recordAssetActivity(db, actor, "view", asset.id);
  const stageNames = stages.filter((s) => stageIds.includes(s.id)).map((s) => s.name);
  const canDownload = asset.allowDownload || can(actor.role, "assets.write");

  return (
    <>
      <PageHeader
        title={asset.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <AssetTypeBadge type={asset.type} />
            {internal ? <AssetStatusBadge status={asset.status} expired={expired} /> : null}
            <span>{stageNames.join(" · ")}</span>
          </span>
        }
        actions={
          can(actor.role, "assets.publish") ? (
            <AssetStatusActions assetId={asset.id} status={asset.status} />
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="About">
            <p className="whitespace-pre-line text-sm text-slate-700">
              {asset.description || "No description yet."}
            </p>
            <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
              {internal ? (
                <div>
                  <dt className="text-slate-500">Owner</dt>
                  <dd>{ownerName}</dd>
                </div>
              ) : null}
              <div>
                <dt className="text-slate-500">Updated</dt>
                <dd>{formatDate(asset.updatedAt)}</dd>
              </div>
              {asset.expiresAt ? (
                <div>
                  <dt className="text-slate-500">Expires</dt>
                  <dd>{formatDate(asset.expiresAt)}</dd>
                </div>
              ) : null}
            </dl>
          </Card>
          <Card title="File">
            {file ? (
              <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
                <span>
                  {file.originalName} · {formatBytes(file.sizeBytes)} · version {version}
                </span>
                {canDownload ? null : <span className="text-slate-500">View only</span>}
              </div>
            ) : (
              <p className="text-sm text-slate-500">No file.</p>
            )}
          </Card>
          {versions.length ? (
            <Card title="Version history">
              <ol className="divide-y divide-slate-100 text-sm" aria-label="Versions">
                {versions.map((v) => (
                  <li key={v.id} className="flex flex-wrap justify-between gap-2 py-2">
                    <span>
                      <span className="font-medium">Version {v.version}</span> · {v.fileName} ·{" "}
                      {formatBytes(v.sizeBytes)}
                      {v.note ? <span className="block text-xs text-slate-600">{v.note}</span> : null}
                    </span>
                    <span className="text-xs text-slate-500">
                      {formatDate(v.createdAt)}
                      {v.createdBy ? ` · ${v.createdBy}` : ""} ·{" "}
                      <a
                        href={`/api/v1/assets/${asset.id}/versions/${v.id}/download`}
                        className="text-brand-700 underline"
                        aria-label={`Download version ${v.version}`}
                      >
                        Download
                      </a>
                    </span>
                  </li>
                ))}
              </ol>
              <div className="mt-4 border-t border-slate-100 pt-4">
                <NewVersionForm assetId={asset.id} />
              </div>
            </Card>
          ) : null}
        </div>
        <div className="space-y-6">
          {summary ? (
            <Card title="Used in deals">
              <p className="text-sm" data-testid="usage-summary">
                Used in {summary.deals} {summary.deals === 1 ? "deal" : "deals"} · {summary.won} won ·{" "}
                {summary.lost} lost
              </p>
            </Card>
          ) : null}
          {canDownload || deals.length ? (
            <Card title="Use it">
              <UsedInDealMenu
                assetId={asset.id}
                deals={asset.status === "published" ? deals : []}
                downloadHref={canDownload && file ? `/api/v1/assets/${asset.id}/download` : undefined}
              />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
