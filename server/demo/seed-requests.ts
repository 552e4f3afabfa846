import "server-only";
import type { Database } from "@/db/client";
import {
  announcementAssets,
  announcements,
  contentRequestVotes,
  contentRequests,
  notificationSubscriptions,
} from "@/db/schema";
import type { SeededAsset } from "./seed-assets";

const DAY = 86_400_000;

interface People {
  byEmail: Map<string, { id: string; partnerOrgId: string | null }>;
}

/**
 * Field requests in every triage state with votes from several reps, a partner's own request, an
 * announcement from product marketing, and a few follows, so the board, the notification settings and
 * What's new look lived-in. Fixed data (no randomness) on top of the seeded assets.
 */
export async function seedRequests(
  db: Database,
  ctx: {
    workspaceId: string;
    now: number;
    stageIds: Record<string, string>;
    termIds: Map<string, string>;
    assets: SeededAsset[];
  },
  people: People,
) {
  const user = (local: string) => {
    const found = [...people.byEmail].find(([email]) => email.startsWith(`${local}@`));
    if (!found) throw new Error(`Demo person ${local} is missing`);
    return { id: found[1].id, partnerOrgId: found[1].partnerOrgId };
  };
  const delivered = ctx.assets.find((a) => a.status === "published" && a.industry === "Healthcare");
  const specs = [
    {
      by: "jordan.lee",
      title: "Rebuttal to Contoso Data's new per-seat pricing",
      details:
        "Contoso started quoting 30% under us per seat in two of my deals this month. Need a talk track on total cost.",
      stage: "Negotiation",
      competitor: "Contoso Data",
      urgency: "high" as const,
      status: "in_progress" as const,
      voters: ["rick.rep", "priya.nair", "hannah.kim", "zara.hussain"],
      days: 6,
    },
    {
      by: "amara.osei",
      title: "Case study for a regional retail chain",
      details: "Our retail examples are all global brands; mid-size chains don't see themselves in them.",
      stage: "Evaluation",
      industry: "Retail",
      urgency: "normal" as const,
      status: "new" as const,
      voters: ["lucas.martin", "grace.wu"],
      days: 2,
    },
    {
      by: "rick.rep",
      title: "Public sector security questionnaire answers",
      details: "Every public sector RFP asks the same 40 security questions.",
      stage: "Proposal",
      industry: "Public Sector",
      urgency: "normal" as const,
      status: "accepted" as const,
      voters: ["tom.becker"],
      days: 9,
    },
    {
      by: "noah.brennan",
      title: "Healthcare ROI story we can send after discovery",
      details: "",
      stage: "Discovery",
      industry: "Healthcare",
      urgency: "normal" as const,
      status: delivered ? ("delivered" as const) : ("accepted" as const),
      voters: ["eli.novak", "diego.ramos"],
      days: 20,
    },
    {
      by: "diego.ramos",
      title: "Fabrikam vs Northwind feature matrix in Spanish",
      details: "Two LATAM prospects asked for it.",
      stage: "Evaluation",
      competitor: "Fabrikam Analytics",
      urgency: "low" as const,
      status: "declined" as const,
      declineReason: "Translations are on hold until Q3; the English matrix is in the library.",
      voters: [],
      days: 15,
    },
    {
      by: "pat.partner",
      title: "Co-branded one-pager for our financial services clients",
      details: "We resell to regional banks and need something with both logos.",
      stage: "Awareness",
      industry: "Financial Services",
      urgency: "normal" as const,
      status: "new" as const,
      voters: ["sam.reyes"],
      days: 3,
    },
  ];
  for (const s of specs) {
    const requester = user(s.by);
    const at = new Date(ctx.now - s.days * DAY);
    const [row] = await db
      .insert(contentRequests)
      .values({
        workspaceId: ctx.workspaceId,
        requesterId: requester.id,
        partnerOrgId: requester.partnerOrgId,
        title: s.title,
        details: s.details,
        stageId: ctx.stageIds[s.stage] ?? null,
        industryId: "industry" in s && s.industry ? (ctx.termIds.get(s.industry) ?? null) : null,
        competitorId: "competitor" in s && s.competitor ? (ctx.termIds.get(s.competitor) ?? null) : null,
        urgency: s.urgency,
        status: s.status,
        declineReason: "declineReason" in s ? s.declineReason : null,
        deliveredAssetId: s.status === "delivered" ? delivered!.id : null,
        createdAt: at,
        updatedAt: new Date(at.getTime() + DAY),
      })
      .returning({ id: contentRequests.id });
    await db.insert(contentRequestVotes).values(
      [s.by, ...s.voters].map((local, i) => ({
        requestId: row!.id,
        userId: user(local).id,
        createdAt: new Date(at.getTime() + i * 3_600_000),
      })),
    );
  }

  const linked = ctx.assets.filter((a) => a.status === "published" && a.type === "battlecard").slice(0, 2);
  const [announcement] = await db
    .insert(announcements)
    .values({
      workspaceId: ctx.workspaceId,
      authorId: user("omar.okafor").id,
      title: "Updated Contoso Data battlecards",
      fieldNote:
        "Contoso now leads with per-seat price. Don't match it: ask about their connector fees and show the three-year cost page.",
      includeReps: true,
      createdAt: new Date(ctx.now - 2 * DAY),
    })
    .returning({ id: announcements.id });
  if (linked.length) {
    await db
      .insert(announcementAssets)
      .values(linked.map((a) => ({ announcementId: announcement!.id, assetId: a.id })));
  }

  await db.insert(notificationSubscriptions).values([
    { workspaceId: ctx.workspaceId, userId: user("rick.rep").id, stageId: ctx.stageIds.Evaluation! },
    { workspaceId: ctx.workspaceId, userId: user("rick.rep").id, termId: ctx.termIds.get("Healthcare")! },
    { workspaceId: ctx.workspaceId, userId: user("jordan.lee").id, assetType: "battlecard" as const },
  ]);
}
