import { z } from "zod";
import { AssetStatusBadge, AssetTypeBadge } from "@/components/assets/asset-badges";
import { AssetViewer } from "@/components/assets/asset-viewer";
import {
  AssetStatusActions,
  EditAssetForm,
  NewRatings,
  NewVersionForm,
} from "@/components/assets/manager-tools";
import { UsedInDealMenu } from "@/components/assets/used-in-deal-menu";
import { CommentThreads } from "@/components/feedback/comment-threads";
import { RateAssetForm } from "@/components/feedback/rate-asset-form";
import { AssetAnalyticsCard } from "@/components/analytics/asset-analytics-card";
import { ShareRoomForm } from "@/components/rooms/share-room-form";
import { FollowButton } from "@/components/notifications/follow-button";
import { Badge } from "@/components/ui/badge";
import { Card, RecordPage } from "@/components/ui/card";
import { formatBytes, formatDate, formatDateTime } from "@/lib/format";
import { loadAssetPage } from "@/server/assets/load-asset-page";
import { orNotFound, requirePage, uuidOrNotFound } from "@/server/auth/require-page";

export const metadata = { title: "Asset" };

export default async function AssetPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string }>;
}) {
  const { actor, db } = await requirePage("assets.read");
  const id = uuidOrNotFound((await params).id);
  const fromSearch = z.coerce
    .number()
    .int()
    .positive()
    .safeParse((await searchParams).from);
  const page = await orNotFound(
    loadAssetPage(db, actor, id, fromSearch.success ? fromSearch.data : undefined),
  );
  const { asset, file, may, feedback, stages, summary, tags, versions } = page;
  const internal = may.seeInternals;
  const canEdit = may.edit;
  const canManageFeedback = may.manageFeedback;
  const canRate = may.rate;
  const stageNames = stages.filter((s) => page.stageIds.includes(s.id)).map((s) => s.name);
  const canDownload = may.download;

  return (
    <RecordPage
      title={asset.title}
      facts={
        <>
          <AssetTypeBadge type={asset.type} />
          {internal ? <AssetStatusBadge status={asset.status} expired={page.expired} /> : null}
          <span>{stageNames.join(" · ")}</span>
        </>
      }
      actions={
        <>
          <FollowButton name={asset.title} target={{ assetId: asset.id }} following={page.following} />
          {may.publish ? (
            <AssetStatusActions
              assetId={asset.id}
              status={asset.status}
              approval={{
                required: page.settings.requireSecondApproval,
                sentByMe: (asset.submittedForReviewById ?? asset.ownerId) === actor.userId,
              }}
            />
          ) : null}
        </>
      }
      main={
        <>
          <Card title="About">
            <p className="whitespace-pre-line text-sm text-slate-700">
              {asset.description || "No description yet."}
            </p>
            <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
              {internal ? (
                <div>
                  <dt className="text-slate-500">Owner</dt>
                  <dd>{page.ownerName}</dd>
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
              {internal && asset.reviewBy ? (
                <div>
                  <dt className="text-slate-500">Review by</dt>
                  <dd>{formatDate(asset.reviewBy)}</dd>
                </div>
              ) : null}
            </dl>
            {tags.length ? (
              <ul className="mt-4 flex flex-wrap gap-2" aria-label="Tags">
                {tags.map((t) => (
                  <li key={t.id}>
                    <Badge>{t.name}</Badge>
                  </li>
                ))}
              </ul>
            ) : null}
          </Card>
          {file ? (
            <Card title="Preview">
              <AssetViewer
                assetId={asset.id}
                title={asset.title}
                file={file}
                text={page.text}
                showFailureReason={canEdit}
              />
            </Card>
          ) : null}
          <Card title="File">
            {file ? (
              <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
                <span>
                  {file.originalName} · {formatBytes(file.sizeBytes)} · version {page.version}
                </span>
                {canDownload ? null : <span className="text-slate-500">View only</span>}
                {canEdit && file.processingState !== "done" ? (
                  <span className="text-slate-500">
                    {file.processingState === "pending" ? "Processing…" : "Processing failed"}
                  </span>
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-slate-500">No file.</p>
            )}
          </Card>
          <Card title="Comments and questions">
            <CommentThreads
              assetId={asset.id}
              threads={page.threads.map((t) => ({
                ...t,
                when: formatDateTime(t.createdAt),
                replies: t.replies.map((r) => ({ ...r, when: formatDateTime(r.createdAt) })),
              }))}
              canComment={may.comment}
              canResolve={canManageFeedback}
              partnerView={!internal}
            />
          </Card>
          {canEdit && page.partnerEdit ? (
            <Card title="Details">
              <details>
                <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit details</summary>
                <div className="mt-4">
                  <EditAssetForm
                    asset={{
                      id: asset.id,
                      title: asset.title,
                      description: asset.description,
                      type: asset.type,
                      stageIds: page.stageIds,
                      termIds: tags.map((t) => t.id),
                      expiresAt: asset.expiresAt?.toISOString() ?? null,
                      reviewBy: asset.reviewBy?.toISOString() ?? null,
                      allowDownload: asset.allowDownload,
                      partnerVisibility: page.partnerEdit[0],
                    }}
                    stages={stages}
                    terms={page.termOptions}
                    partnerOptions={page.partnerEdit[1]}
                  />
                </div>
              </details>
            </Card>
          ) : null}
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
        </>
      }
      side={
        <>
          {summary ? (
            <Card title="Used in deals">
              <p className="text-sm" data-testid="usage-summary">
                Used in {summary.deals} {summary.deals === 1 ? "deal" : "deals"} · {summary.won} won ·{" "}
                {summary.lost} lost
              </p>
            </Card>
          ) : null}
          <Card title="Feedback">
            <p className="text-sm" data-testid="feedback-counts">
              {feedback.helped} helped · {feedback.notHelped} didn’t help
              {feedback.openThreads
                ? ` · ${feedback.openThreads} open ${feedback.openThreads === 1 ? "thread" : "threads"}`
                : ""}
            </p>
            {canRate ? (
              <div className="mt-3 border-t border-slate-100 pt-3">
                <RateAssetForm
                  key={feedback.myRating?.updatedAt ?? "none"}
                  assetId={asset.id}
                  myRating={feedback.myRating}
                />
              </div>
            ) : null}
            <NewRatings
              assetId={asset.id}
              ratings={page.newRatings.map((r) => ({ ...r, when: formatDate(r.updatedAt) }))}
            />
          </Card>
          {page.analytics ? (
            <AssetAnalyticsCard
              a={page.analytics.overall}
              stages={page.analytics.byStage.map((b) => ({
                stageName: stages.find((st) => st.id === b.stageId)?.name ?? "Removed stage",
                lift: b.lift,
                closed: b.used.closed,
              }))}
            />
          ) : null}
          {page.shareDeals.length ? (
            <section id="share" aria-label="Share with a buyer">
              <Card title="Share with a buyer">
                <ShareRoomForm
                  target={{ deals: page.shareDeals }}
                  initialAssets={[{ id: asset.id, title: asset.title }]}
                />
              </Card>
            </section>
          ) : null}
          {canDownload || page.deals.length ? (
            <Card title="Use it">
              <UsedInDealMenu
                assetId={asset.id}
                deals={asset.status === "published" ? page.deals : []}
                downloadHref={canDownload && file ? `/api/v1/assets/${asset.id}/download` : undefined}
                rating={canRate ? { mine: feedback.myRating } : undefined}
              />
            </Card>
          ) : null}
        </>
      }
    />
  );
}
