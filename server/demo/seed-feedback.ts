import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { assetComments, assetRatings, assetUsages, assets, users } from "@/db/schema";
import type { RatingReason } from "@/lib/feedback";
import type { SeedContext } from "./seed-assets";

const DAY = 24 * 60 * 60 * 1000;

const notHelpedNotes: [RatingReason, string][] = [
  ["outdated", "Pricing slide still shows last year's list prices"],
  ["outdated", "References the old connector names"],
  ["wrong_audience", "Too technical for the CFO"],
  ["wrong_audience", "Written for enterprise, my buyer is mid-market"],
  ["missing_data", "No numbers for EMEA customers"],
  ["missing_data", "Buyer asked for the security certifications and they are not in here"],
  ["too_long", "Nobody reads 30 slides after a first call"],
  ["other", "Buyer already had it from the partner"],
];

const questions = [
  "Is there a version of this for public sector buyers?",
  "Can I send this to a prospect before the NDA is signed?",
  "Do we have the numbers behind the 78% claim if the buyer asks?",
  "Is a shorter one-page version planned?",
  "Which competitor does the comparison table assume?",
  "Is this still accurate after the spring pricing change?",
];

const answers = [
  "Yes — the public sector cut is in review, I will publish it next week.",
  "Only the redacted version; the full one needs an NDA.",
  "The methodology appendix has them; ask me for the spreadsheet.",
];

/**
 * Ratings from reps on assets they used (strong assets mostly helped, weak ones mostly did not; most
 * already read by their owners) and a few questions on the asset pages, some answered and resolved.
 */
export async function seedFeedback(ctx: SeedContext, opts: { strong: string[]; weak: string[] }) {
  const { db, r, now, workspaceId } = ctx;
  const strong = new Set(opts.strong);
  const weak = new Set(opts.weak);
  const pairs = await db
    .selectDistinct({ assetId: assetUsages.assetId, userId: assetUsages.actorId, ownerId: assets.ownerId })
    .from(assetUsages)
    .innerJoin(assets, eq(assets.id, assetUsages.assetId))
    .innerJoin(users, eq(users.id, assetUsages.actorId))
    .where(
      and(eq(assetUsages.workspaceId, workspaceId), eq(users.role, "rep"), eq(assets.status, "published")),
    )
    .orderBy(asc(assetUsages.assetId), asc(assetUsages.actorId));
  const rated = pairs.filter(() => r.chance(0.35));
  const ratingRows = rated.map((p) => {
    const helped = r.chance(strong.has(p.assetId) ? 0.9 : weak.has(p.assetId) ? 0.25 : 0.7);
    const [reason, reasonText] = helped ? [null, ""] : r.pick(notHelpedNotes);
    const at = new Date(now - r.int(1, 60) * DAY);
    return {
      workspaceId,
      assetId: p.assetId,
      userId: p.userId,
      helped,
      reason,
      reasonText: r.chance(0.6) ? reasonText : "",
      acknowledgedAt: helped || r.chance(0.8) ? at : null,
      createdAt: at,
      updatedAt: at,
    };
  });
  for (let i = 0; i < ratingRows.length; i += 500) {
    await db.insert(assetRatings).values(ratingRows.slice(i, i + 500));
  }

  const askable = r.sample(
    [...new Map(pairs.map((p) => [p.assetId, p])).values()].filter((p) => p.ownerId !== p.userId),
    questions.length,
  );
  for (const [i, p] of askable.entries()) {
    const at = now - r.int(1, 20) * DAY;
    const answered = i < answers.length;
    const [question] = await db
      .insert(assetComments)
      .values({
        workspaceId,
        assetId: p.assetId,
        authorId: p.userId,
        kind: "question",
        body: questions[i]!,
        createdAt: new Date(at),
        resolvedAt: answered ? new Date(at + DAY) : null,
        resolvedById: answered ? p.ownerId : null,
      })
      .returning({ id: assetComments.id });
    if (answered) {
      await db.insert(assetComments).values({
        workspaceId,
        assetId: p.assetId,
        parentId: question!.id,
        authorId: p.ownerId,
        body: answers[i]!,
        createdAt: new Date(at + DAY / 2),
      });
    }
  }
  return { ratings: ratingRows.length, questions: askable.length };
}
