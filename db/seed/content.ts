import type { AssetType } from "@/lib/assets";
import { customers, outcomes, scenarios, taxonomy, vendor } from "./catalogue";
import type { Section } from "./documents";
import type { Random } from "./random";

const plurals: Record<string, string> = {
  "Head of Operations": "Heads of Operations",
  "IT Security": "IT Security teams",
};
/** "CIOs", "Heads of Operations", "IT Security teams". */
const plural = (persona: string) => plurals[persona] ?? `${persona}s`;

export interface AssetDraft {
  type: AssetType;
  title: string;
  description: string;
  sections: Section[];
  industry?: string;
  competitor?: string;
  product: string;
  persona: string;
  region?: string;
}

const counts: Record<AssetType, number> = {
  case_study: 24,
  roi_model: 12,
  talk_track: 14,
  battlecard: 12,
  one_pager: 15,
  deck: 14,
  email_template: 16,
  demo_script: 10,
  competitive_brief: 10,
  video: 8,
  other: 9,
};

const otherTitles = [
  "Security and compliance FAQ",
  "Mutual action plan template",
  "Procurement packet: standard terms explained",
  "Implementation timeline overview",
  "Customer reference request process",
  "Pricing and packaging guide",
  "Data residency statement",
  "Partner co-selling playbook",
  "Executive sponsor letter template",
];

/** Writes believable content for every asset of the demo library, deterministic for a given seed. */
export function draftAssets(r: Random): AssetDraft[] {
  const drafts: AssetDraft[] = [];
  for (const [type, n] of Object.entries(counts) as [AssetType, number][]) {
    for (let i = 0; i < n; i++) drafts.push(draftOne(r, type, i));
  }
  return drafts;
}

function draftOne(r: Random, type: AssetType, i: number): AssetDraft {
  const customer = customers[i % customers.length]!;
  const outcome = outcomes[(i * 3 + type.length) % outcomes.length]!;
  const product = taxonomy.product[i % taxonomy.product.length]!;
  const persona = taxonomy.persona[(i + type.length) % taxonomy.persona.length]!;
  const competitor = taxonomy.competitor[i % taxonomy.competitor.length]!;
  const industry = taxonomy.industry[i % taxonomy.industry.length]!;
  const scenario = scenarios[i % scenarios.length]!;
  const region = i % 5 === 0 ? taxonomy.region[i % taxonomy.region.length] : undefined;
  const proof = `${customer.name} (${customer.industry}) reports ${outcome.metric}: ${outcome.detail}.`;
  const base = { product, persona, region };

  switch (type) {
    case "case_study":
      return {
        ...base,
        type,
        industry: customer.industry,
        competitor: i % 3 === 0 ? competitor : undefined,
        title: `${customer.name} ${outcome.headline}`,
        description: `How ${customer.name} used ${product} to get ${outcome.metric}. Use it with ${plural(persona)} in ${customer.industry.toLowerCase()} who doubt the business case.`,
        sections: [
          {
            heading: "The challenge",
            paragraphs: [
              `Before ${vendor}, ${customer.name} ran its reporting on ${i % 3 === 0 ? competitor : "three disconnected systems"}. Analysts spent the first week of every month stitching exports together, and leadership made decisions on numbers that were already stale.`,
              `The ${persona} set a simple goal: one trusted source of numbers, available every morning.`,
            ],
          },
          {
            heading: "The solution",
            paragraphs: [
              `${customer.name} rolled out ${product} in ${r.int(5, 14)} weeks, starting with the finance and operations teams.`,
              `Streaming connectors replaced nightly batch jobs, and governed models meant every team used the same definitions.`,
            ],
          },
          {
            heading: "The results",
            paragraphs: [
              proof,
              `"We finally argue about what to do, not about whose numbers are right," says the ${persona} of ${customer.name}.`,
            ],
          },
        ],
      };
    case "roi_model":
      return {
        ...base,
        type,
        industry,
        title: `${industry} ROI model for ${product}`,
        description: `Spreadsheet to build the business case with a ${persona} in ${industry.toLowerCase()}: enter their headcount and spend, and the three-year ROI updates live.`,
        sections: [
          {
            heading: "Assumptions",
            paragraphs: [
              `Savings come from automated reporting, retired warehouse licences and fewer manual reconciliations in ${industry.toLowerCase()} teams.`,
            ],
          },
        ],
      };
    case "talk_track":
      return {
        ...base,
        type,
        competitor: scenario.includes("incumbent") ? competitor : undefined,
        title: `Talk track: ${scenario}`,
        description: `What to say, and what to ask, on a ${scenario}. Includes objection handling and next-step asks.`,
        sections: [
          {
            heading: "Opening",
            paragraphs: [
              `Confirm the agenda and the ${persona}'s top priority for this quarter.`,
              `Share one proof point: ${proof}`,
            ],
          },
          {
            heading: "Discovery questions",
            paragraphs: [
              "How long does month-end reporting take today?",
              "Who is accountable when two reports disagree?",
              "What would you stop doing if the numbers were ready every morning?",
            ],
          },
          {
            heading: "Objections",
            paragraphs: [
              `"We already have ${competitor}." Ask what share of their reports still end in spreadsheets.`,
              `"Now is not the time." Offer the ${product} pilot plan: four weeks, one team, a measured outcome.`,
            ],
          },
        ],
      };
    case "battlecard":
    case "competitive_brief": {
      const target = taxonomy.competitor[i % taxonomy.competitor.length]!;
      const topic = ["pricing", "security posture", "migration path", "roadmap", "support model"][i % 5]!;
      return {
        ...base,
        type,
        competitor: target,
        title:
          type === "battlecard"
            ? `Battlecard: ${vendor} vs ${target}${i >= 4 ? ` (${topic})` : ""}`
            : `${target} ${topic} brief`,
        description: `Where ${target} is strong, where it is weak, and the landmines to lay on ${topic}. Updated for this quarter's releases.`,
        sections: [
          {
            heading: `Where ${target} wins`,
            paragraphs: [`Buyers like ${target}'s familiar interface and bundled pricing for small teams.`],
          },
          {
            heading: `Where ${vendor} wins`,
            paragraphs: [
              `Governed models, streaming ingestion and per-team cost controls. ${proof}`,
              `On ${topic}: ask the buyer to request ${target}'s written commitment, then show ours.`,
            ],
          },
          {
            heading: "Landmine questions",
            paragraphs: [
              `How does ${target} trace a number on a report back to its source record?`,
              `What happens to your costs when ten more teams come on board?`,
            ],
          },
        ],
      };
    }
    case "one_pager":
      return {
        ...base,
        type,
        industry: i % 2 === 0 ? industry : undefined,
        title: `${product} one-pager for the ${persona}`,
        description: `A single page that explains ${product} in the ${persona}'s language. Good as a leave-behind after a first meeting.`,
        sections: [
          {
            heading: "Why it matters",
            paragraphs: [
              `${product} gives ${plural(persona)} one trusted view of the business, every morning.`,
              proof,
            ],
          },
        ],
      };
    case "deck":
      return {
        ...base,
        type,
        industry,
        title: `${industry} pitch deck: ${product}`,
        description: `The ${industry.toLowerCase()} story in 14 slides: the problem, the platform, three customer proofs and the pilot offer.`,
        sections: [
          {
            heading: "The problem",
            paragraphs: [`${industry} organisations lose days every month reconciling reports.`],
          },
          { heading: "Proof", paragraphs: [proof] },
          {
            heading: "The offer",
            paragraphs: [`A four-week ${product} pilot with one team and a measured outcome.`],
          },
        ],
      };
    case "email_template":
      return {
        ...base,
        type,
        title: `Email: follow-up after ${scenario}`,
        description: `A short follow-up email for the ${scenario}, with a clear next step.`,
        sections: [
          {
            heading: "Email",
            paragraphs: [
              `Subject: Next steps on ${product}`,
              `Hi {{first_name}}, thank you for your time today. As promised, here is how ${customer.name} approached the same question: ${outcome.detail}.`,
              "Would Tuesday or Thursday work for a 30-minute working session with your team?",
            ],
          },
        ],
      };
    case "demo_script":
      return {
        ...base,
        type,
        title: `Demo script: ${product} for ${plural(persona)}`,
        description: `A 20-minute click path through ${product} that lands the three moments ${plural(persona)} care about.`,
        sections: [
          { heading: "Setup", paragraphs: ["Load the demo tenant and open the executive dashboard."] },
          {
            heading: "Moments",
            paragraphs: [
              "Show yesterday's numbers ready at 7 a.m.",
              "Trace one figure back to its source record.",
              "Add a new team's data in under five minutes.",
            ],
          },
        ],
      };
    case "video":
      return {
        ...base,
        type,
        industry: customer.industry,
        title: `Video: ${customer.name} customer story`,
        description: `Three-minute testimonial from ${customer.name}. Transcript attached; link to the hosted video inside.`,
        sections: [
          {
            heading: "Transcript",
            paragraphs: [
              `"Before ${vendor} we were guessing," says the ${persona} of ${customer.name}.`,
              proof,
            ],
          },
        ],
      };
    default:
      return {
        ...base,
        type,
        title: otherTitles[i % otherTitles.length]!,
        description:
          "Reference material for late-stage deals: share with procurement, legal or security as needed.",
        sections: [
          {
            heading: "Summary",
            paragraphs: [
              `${vendor} answers the questions procurement and security teams ask most, in plain language.`,
            ],
          },
        ],
      };
  }
}
