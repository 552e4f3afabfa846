import "server-only";
import { and, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { assets, playStepAssets, playSteps, plays } from "@/db/schema";
import type { StageName } from "@/db/seed/catalogue";
import type { SeedContext, SeededAsset } from "./seed-assets";

interface StepSpec {
  stage: StageName;
  title: string;
  guidance: string;
  /** Asset types to pick, in order; each takes the first live asset of that type at the step's stage. */
  types: string[];
}

interface PlaySpec {
  name: string;
  scenario: string;
  industry?: string;
  competitor?: boolean;
  steps: StepSpec[];
}

const playSpecs: PlaySpec[] = [
  {
    name: "Competitive displacement",
    scenario:
      "The buyer runs a competitor's warehouse today and is frustrated with cost or speed. Win the technical evaluation and make switching feel safe.",
    competitor: true,
    steps: [
      {
        stage: "Discovery",
        title: "Surface the pain with the incumbent",
        guidance:
          "Send after the discovery call. Ask how long month-end reporting takes today and what they pay for idle compute; let them name the incumbent first.",
        types: ["case_study", "talk_track"],
      },
      {
        stage: "Evaluation",
        title: "Win the bake-off",
        guidance:
          "Share before the technical deep-dive. Lead with query speed on their own data; keep the battlecard for yourself and send the brief.",
        types: ["competitive_brief", "battlecard"],
      },
      {
        stage: "Proposal",
        title: "Put numbers on the switch",
        guidance: "Walk the CFO through the ROI model live; fill in their warehouse bill, never ours.",
        types: ["roi_model"],
      },
      {
        stage: "Negotiation",
        title: "Handle the incumbent's retention discount",
        guidance:
          "Expect a 30–40% renewal discount from the incumbent. Re-anchor on total cost over three years, not list price.",
        types: ["battlecard", "talk_track"],
      },
    ],
  },
  {
    name: "Healthcare expansion",
    scenario:
      "An existing healthcare customer wants to roll out to a second hospital or clinic network. Reuse their first success and clear security review early.",
    industry: "Healthcare",
    steps: [
      {
        stage: "Discovery",
        title: "Retell the first hospital's story",
        guidance:
          "Send the case study to the new site's sponsor with a one-line intro from the first site's champion.",
        types: ["case_study"],
      },
      {
        stage: "Evaluation",
        title: "Show it on clinical data",
        guidance: "Run the demo on de-identified admissions data; invite IT Security to the second half.",
        types: ["demo_script", "deck"],
      },
      {
        stage: "Proposal",
        title: "Price the expansion",
        guidance: "Use the ROI model with the first site's actual savings as the baseline.",
        types: ["roi_model"],
      },
      {
        stage: "Closing",
        title: "Confirm go-live plan",
        guidance: "Send the close email with the rollout timeline and named onboarding contacts.",
        types: ["email_template", "other"],
      },
    ],
  },
];

/** Two realistic plays built from live demo assets (published and not expired). */
export async function seedPlays(ctx: SeedContext, seeded: SeededAsset[]) {
  const { db, workspaceId, stageIds, marketerIds } = ctx;
  const published = seeded.filter((a) => a.status === "published");
  const live = new Set(
    (
      await db
        .select({ id: assets.id })
        .from(assets)
        .where(
          and(
            inArray(
              assets.id,
              published.map((a) => a.id),
            ),
            or(isNull(assets.expiresAt), gt(assets.expiresAt, sql`now()`)),
          ),
        )
    ).map((a) => a.id),
  );
  const candidates = published.filter((a) => live.has(a.id));
  let created = 0;
  for (const [i, spec] of playSpecs.entries()) {
    const used = new Set<string>();
    const pick = (type: string, stage: StageName) => {
      const fits = candidates.filter(
        (a) => a.type === type && a.stageNames.includes(stage) && !used.has(a.id),
      );
      const preferred = fits.find(
        (a) =>
          (spec.industry ? a.industry === spec.industry : true) &&
          (spec.competitor ? Boolean(a.competitor) : true),
      );
      const chosen = preferred ?? fits[0];
      if (chosen) used.add(chosen.id);
      return chosen;
    };
    const steps = spec.steps
      .map((s) => ({ ...s, picked: s.types.map((t) => pick(t, s.stage)).filter((a) => a !== undefined) }))
      .filter((s) => s.picked.length > 0);
    if (steps.length === 0) continue;
    const [play] = await db
      .insert(plays)
      .values({
        workspaceId,
        name: spec.name,
        scenario: spec.scenario,
        createdById: marketerIds[i % marketerIds.length] ?? null,
      })
      .returning({ id: plays.id });
    for (const [position, step] of steps.entries()) {
      const [row] = await db
        .insert(playSteps)
        .values({
          playId: play!.id,
          position,
          stageId: stageIds[step.stage],
          title: step.title,
          guidance: step.guidance,
        })
        .returning({ id: playSteps.id });
      await db
        .insert(playStepAssets)
        .values(step.picked.map((a, n) => ({ stepId: row!.id, assetId: a.id, position: n })));
    }
    created++;
  }
  return created;
}
