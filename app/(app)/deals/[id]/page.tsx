import { AssetTypeBadge } from "@/components/assets/asset-badges";
import { AssetLink } from "@/components/assets/asset-title";
import { CloseDealForm } from "@/components/deals/close-deal-form";
import { DealStatusBadge } from "@/components/deals/deal-status-badge";
import { EditDealForm } from "@/components/deals/edit-deal-form";
import { AddAssetsPanel } from "@/components/deals/add-assets-panel";
import { LogAssetButton } from "@/components/deals/log-asset-button";
import { ReopenDealButton } from "@/components/deals/reopen-deal-button";
import { BuyerEngagementSummary } from "@/components/rooms/buyer-engagement-summary";
import { RoomList } from "@/components/rooms/room-list";
import { ShareRoomForm } from "@/components/rooms/share-room-form";
import { UsageRow } from "@/components/deals/usage-row";
import { StageMover } from "@/components/deals/stage-mover";
import { DealPlaysPanel } from "@/components/plays/deal-plays-panel";
import { Card, EmptyState, RecordPage } from "@/components/ui/card";
import { usageKindLabels } from "@/lib/assets";
import { formatDate, formatDateTime, formatMoney } from "@/lib/format";
import { orNotFound, requirePage, uuidOrNotFound } from "@/server/auth/require-page";
import { loadDealPage } from "@/server/deals/load-deal-page";
import { canEditUsage } from "@/server/authz/rules";
import { buyerReadingLine } from "@/server/rooms/deal-buyer-reading";

export const metadata = { title: "Deal" };

export default async function DealPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, db } = await requirePage("deals.read");
  const id = uuidOrNotFound((await params).id);
  const page = await orNotFound(loadDealPage(db, actor, id));
  const { deal, stageName, editable, stages, usages } = page;
  const runningIds = new Set(page.runningPlays.map((p) => p.playId));
  const usedIds = new Set(usages.map((u) => u.assetId));
  // One timeline: stage moves and outcomes from the history, and each asset used, in time order.
  const events = [
    ...page.timeline.map((t) => ({
      key: t.id,
      kind: "stage" as const,
      at: t.at,
      by: t.by,
      title:
        t.status === "won"
          ? "Won"
          : t.status === "lost"
            ? "Lost"
            : !t.fromStage
              ? `Created at ${t.toStage}`
              : t.fromStage === t.toStage
                ? `Reopened at ${t.toStage}`
                : `${t.fromStage} → ${t.toStage}`,
    })),
    ...usages.map((u) => ({
      key: u.id,
      kind: "usage" as const,
      at: u.createdAt,
      by: u.actorName,
      title: `${usageKindLabels[u.kind]} “${u.assetTitle}” at ${u.stageName}`,
    })),
    ...page.buyerReading.map((r) => ({
      key: `read-${r.assetId}`,
      kind: "usage" as const,
      at: r.lastAt,
      by: null,
      title: buyerReadingLine(r),
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  return (
    <RecordPage
      title={deal.name}
      facts={
        <>
          <DealStatusBadge status={deal.status} />
          <span>
            {deal.accountName} · {formatMoney(deal.amountMinor, deal.currency)} · owned by {page.ownerName}
          </span>
        </>
      }
      actions={
        editable && deal.status === "open" ? (
          <StageMover dealId={deal.id} stageId={deal.stageId} stages={stages} />
        ) : (
          <span className="text-sm text-slate-600">Stage: {stageName}</span>
        )
      }
      main={
        <>
          {page.showPlays && (page.runningPlays.length || page.canRunPlays) ? (
            <Card title="Plays">
              <DealPlaysPanel
                dealId={deal.id}
                stageName={stageName}
                running={page.runningPlays}
                available={page.allPlays.filter((p) => p.steps > 0 && !runningIds.has(p.id))}
                canRun={page.canRunPlays}
              />
            </Card>
          ) : null}
          <Card title={`For this stage: ${stageName}`}>
            {page.recommended.length === 0 ? (
              <EmptyState title="No published content for this stage yet">
                Ask marketing for what you need at {stageName}.
              </EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label="Recommended for this stage">
                {page.recommended.map((a) => (
                  <li key={a.id} className="flex items-center justify-between gap-4 py-2">
                    <div className="min-w-0">
                      <AssetLink id={a.id} title={a.title} /> <AssetTypeBadge type={a.type} />
                    </div>
                    {editable ? (
                      usedIds.has(a.id) ? (
                        <span className="text-sm text-emerald-700">Used</span>
                      ) : (
                        <LogAssetButton dealId={deal.id} assetId={a.id} title={a.title} />
                      )
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {page.dealRooms ? (
            <section id="rooms" aria-label="Shared with the buyer">
              <Card title="Shared with the buyer">
                <BuyerEngagementSummary rooms={page.dealRooms} />
                <RoomList rooms={page.dealRooms} editable={page.canShare} />
                {page.canShare && deal.status === "open" ? (
                  <div className="mt-3 border-t border-slate-100 pt-3">
                    <ShareRoomForm target={{ dealId: deal.id, accountName: deal.accountName }} />
                  </div>
                ) : null}
              </Card>
            </section>
          ) : null}
          <Card title="Assets used">
            {usages.length === 0 ? (
              <p className="text-sm text-slate-500">
                Nothing logged yet. Log what you send or present so marketing learns what helps.
              </p>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label="Assets used">
                {usages.map((u) => (
                  <UsageRow key={u.id} usage={u} stages={stages} editable={canEditUsage(actor, u)} />
                ))}
              </ul>
            )}
            {editable ? (
              <div className="mt-3 border-t border-slate-100 pt-3">
                <AddAssetsPanel dealId={deal.id} usedAssetIds={[...usedIds]} />
              </div>
            ) : null}
          </Card>
        </>
      }
      side={
        <>
          {deal.status === "open" && editable ? (
            <Card title="Close the deal">
              <CloseDealForm dealId={deal.id} amount={deal.amountMinor / 100} lossReasons={page.reasons} />
            </Card>
          ) : deal.status !== "open" ? (
            <Card title="Outcome">
              <p className="text-sm">
                {deal.status === "won" ? "Won" : `Lost${page.lossReason ? ` — ${page.lossReason}` : ""}`} on{" "}
                {formatDate(deal.closedAt)}
              </p>
              {deal.closeNote ? <p className="mt-2 text-sm text-slate-600">{deal.closeNote}</p> : null}
              {editable ? <ReopenDealButton dealId={deal.id} /> : null}
            </Card>
          ) : null}
          <Card title="Details">
            <dl className="grid grid-cols-2 gap-3 text-sm">
              <div>
                <dt className="text-slate-500">Close date</dt>
                <dd>{formatDate(deal.closeDate)}</dd>
              </div>
              {deal.externalSource ? (
                <div>
                  <dt className="text-slate-500">CRM</dt>
                  <dd>
                    {deal.externalSource} · {deal.externalId}
                  </dd>
                </div>
              ) : null}
              {(["industry", "competitor", "product"] as const).map((kind) =>
                page.tags[kind]?.length ? (
                  <div key={kind}>
                    <dt className="capitalize text-slate-500">{kind}</dt>
                    <dd>{page.tags[kind]!.join(", ")}</dd>
                  </div>
                ) : null,
              )}
            </dl>
            {editable ? (
              <div className="mt-3 border-t border-slate-100 pt-3">
                <EditDealForm
                  deal={{
                    id: deal.id,
                    name: deal.name,
                    accountName: deal.accountName,
                    amount: deal.amountMinor / 100,
                    currency: deal.currency,
                    closeDate: deal.closeDate,
                  }}
                />
              </div>
            ) : null}
          </Card>
          <Card title="Timeline">
            <ol className="space-y-2 text-sm" aria-label="Stage history">
              {events.map((e) => (
                <li key={e.key} className={e.kind === "usage" ? "border-l-2 border-brand-100 pl-2" : ""}>
                  <span className={e.kind === "usage" ? "text-slate-700" : "font-medium"}>{e.title}</span>
                  <span className="block text-xs text-slate-500">
                    {formatDateTime(e.at)}
                    {e.by ? ` · ${e.by}` : ""}
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        </>
      }
    />
  );
}
