import "server-only";
import { randomUUID } from "node:crypto";
import { activityEvents, assetUsages, dealStageHistory, dealTerms, deals } from "@/db/schema";
import { buyerReactions, loggedUsageKinds } from "@/lib/assets";
import { customers, stageNames, taxonomy, type StageName } from "@/db/seed/catalogue";
import type { SeedContext, SeededAsset } from "./seed-assets";

const DAY = 86_400_000;
const dealKinds = [
  "Platform expansion",
  "New logo",
  "Analytics rollout",
  "Warehouse migration",
  "Governance upgrade",
  "Renewal and upsell",
];
const zeroResultSearches = [
  "healthcare pricing calculator",
  "sap migration guide",
  "french case study",
  "hipaa checklist",
  "fabrikam price comparison",
];
const searches = [
  "battlecard",
  "roi",
  "case study healthcare",
  "contoso",
  "cfo",
  "pricing",
  "security",
  "demo script",
  "email follow-up",
  "manufacturing deck",
];

/**
 * ~400 deals walked through the stages over the last year, with the assets reps used at each stage and
 * an outcome whose odds really depend on them: a few "strong" assets raise the win rate, a few "weak"
 * ones lower it, and some published assets are never used at all.
 */
export async function seedDeals(
  ctx: SeedContext,
  assetsSeeded: SeededAsset[],
  people: { repIds: string[]; partnerUsers: { id: string; orgId: string }[]; lossReasonIds: string[] },
) {
  const { r, now } = ctx;
  const usable = assetsSeeded.filter((a) => a.status === "published" && Number.isFinite(a.publishedAt));
  const neverUsed = new Set(
    r
      .sample(
        usable.filter((a) => a.type !== "case_study" && a.type !== "roi_model"),
        20,
      )
      .map((a) => a.id),
  );
  const inPlay = usable.filter((a) => !neverUsed.has(a.id));
  const strong = new Set(
    r
      .sample(
        inPlay.filter((a) => a.type === "case_study" || a.type === "roi_model"),
        8,
      )
      .map((a) => a.id),
  );
  const weak = new Set(
    r
      .sample(
        inPlay.filter((a) => !strong.has(a.id) && a.type === "deck"),
        3,
      )
      .map((a) => a.id),
  );
  const byStage = new Map<StageName, SeededAsset[]>(
    stageNames.map((s) => [s, inPlay.filter((a) => a.stageNames.includes(s))]),
  );

  const rows = {
    deals: [] as (typeof deals.$inferInsert)[],
    history: [] as (typeof dealStageHistory.$inferInsert)[],
    terms: [] as (typeof dealTerms.$inferInsert)[],
    usages: [] as (typeof assetUsages.$inferInsert)[],
    events: [] as (typeof activityEvents.$inferInsert)[],
  };

  for (let i = 0; i < 400; i++) {
    const dealId = randomUUID();
    const partner = i % 25 === 0 ? people.partnerUsers[(i / 25) % people.partnerUsers.length]! : undefined;
    const ownerId = partner?.id ?? people.repIds[i % people.repIds.length]!;
    const customer = r.pick(customers);
    const industry = r.chance(0.8) ? customer.industry : r.pick(taxonomy.industry);
    const competitor = r.chance(0.6) ? r.pick(taxonomy.competitor) : undefined;
    const product = r.pick(taxonomy.product);
    const closed = r.chance(0.65);
    const createdAt = now - (closed ? r.int(60, 365) : r.int(3, 120)) * DAY;
    const lastIndex = closed ? r.int(2, 4) : r.int(0, 4);
    let at = createdAt;
    let usedStrong = false;
    let usedWeak = false;
    const usedHere = new Set<string>();
    const visit = (stage: StageName, from: StageName | null) => {
      rows.history.push({
        dealId,
        fromStageId: from ? ctx.stageIds[from] : null,
        toStageId: ctx.stageIds[stage],
        status: "open",
        changedById: ownerId,
        changedAt: new Date(at),
      });
      // A stage still open today ends now: nothing the seed records happens after the moment it runs.
      const stageEnd = Math.min(at + r.int(5, 25) * DAY, now);
      const options = (byStage.get(stage) ?? []).filter((a) => a.publishedAt < at && !usedHere.has(a.id));
      const preferred = options.filter(
        (a) => !a.industry || a.industry === industry || (competitor && a.competitor === competitor),
      );
      for (let u = 0, n = r.int(0, 2); u < n && preferred.length + options.length > 0; u++) {
        const asset = r.pick(preferred.length && r.chance(0.7) ? preferred : options);
        if (usedHere.has(asset.id)) continue;
        usedHere.add(asset.id);
        usedStrong ||= strong.has(asset.id);
        usedWeak ||= weak.has(asset.id);
        const usedAt = new Date(at + r.int(0, Math.max(0, stageEnd - at - 1)));
        rows.usages.push({
          workspaceId: ctx.workspaceId,
          assetId: asset.id,
          assetVersionId: asset.versionId,
          dealId,
          stageId: ctx.stageIds[stage],
          kind: r.pick(loggedUsageKinds),
          reaction: r.chance(0.4) ? r.pick(buyerReactions) : null,
          note: r.chance(0.15) ? "Buyer forwarded it to their CFO." : "",
          actorId: ownerId,
          createdAt: usedAt,
          updatedAt: usedAt,
        });
        rows.events.push({
          workspaceId: ctx.workspaceId,
          actorId: ownerId,
          kind: "view",
          assetId: asset.id,
          createdAt: usedAt,
        });
        if (r.chance(0.6))
          rows.events.push({
            workspaceId: ctx.workspaceId,
            actorId: ownerId,
            kind: "download",
            assetId: asset.id,
            createdAt: usedAt,
          });
      }
      at = Math.min(stageEnd, now - DAY);
    };

    for (let s = 0; s <= lastIndex; s++) visit(stageNames[s]!, s ? stageNames[s - 1]! : null);
    let status: "open" | "won" | "lost" = "open";
    let stageName: StageName = stageNames[lastIndex]!;
    if (closed) {
      const pWin = 0.36 + (usedStrong ? 0.28 : 0) - (usedWeak ? 0.12 : 0);
      status = r.chance(pWin) ? "won" : "lost";
      if (status === "won") {
        visit("Closing", stageName);
        stageName = "Closing";
      }
      rows.history.push({
        dealId,
        fromStageId: ctx.stageIds[stageName],
        toStageId: ctx.stageIds[stageName],
        status,
        changedById: ownerId,
        changedAt: new Date(at),
      });
    }
    const amount = Math.round((15_000 + r.next() ** 2 * 385_000) / 500) * 500;
    rows.deals.push({
      id: dealId,
      workspaceId: ctx.workspaceId,
      externalSource: i % 3 === 0 ? "salesforce" : null,
      externalId: i % 3 === 0 ? `006Dn00000${(100000 + i).toString(36).toUpperCase()}` : null,
      name: `${customer.name} — ${r.pick(dealKinds)}`,
      accountName: customer.name,
      amountMinor: amount * 100,
      currency: i % 17 === 0 ? "EUR" : i % 29 === 0 ? "GBP" : "USD",
      stageId: ctx.stageIds[stageName],
      status,
      closeDate: new Date(status === "open" ? now + r.int(10, 120) * DAY : at).toISOString().slice(0, 10),
      closedAt: status === "open" ? null : new Date(at),
      ownerId,
      partnerOrgId: partner?.orgId ?? null,
      lossReasonId: status === "lost" ? r.pick(people.lossReasonIds) : null,
      closeNote: status === "lost" && competitor ? `Chose ${competitor}.` : null,
      createdAt: new Date(createdAt),
      updatedAt: new Date(at),
    });
    for (const term of [industry, competitor, product]) {
      const termId = term ? ctx.termIds.get(term) : undefined;
      if (termId) rows.terms.push({ dealId, termId });
    }
  }

  for (let i = 0; i < 120; i++) {
    const zero = i % 6 === 0;
    rows.events.push({
      workspaceId: ctx.workspaceId,
      actorId: people.repIds[i % people.repIds.length]!,
      kind: "search",
      query: zero ? zeroResultSearches[i % zeroResultSearches.length]! : searches[i % searches.length]!,
      filters: {},
      resultCount: zero ? 0 : r.int(1, 24),
      createdAt: new Date(now - r.int(0, 90) * DAY),
    });
  }

  await ctx.db.transaction(async (tx) => {
    for (const [table, values] of [
      [deals, rows.deals],
      [dealStageHistory, rows.history],
      [dealTerms, rows.terms],
      [assetUsages, rows.usages],
      [activityEvents, rows.events],
    ] as const) {
      for (let i = 0; i < values.length; i += 500)
        await tx.insert(table).values(values.slice(i, i + 500) as never);
    }
  });
  return {
    deals: rows.deals.length,
    usages: rows.usages.length,
    events: rows.events.length,
    strong: [...strong],
    weak: [...weak],
    neverUsed: [...neverUsed],
  };
}
