"use server";

import { revalidatePath } from "next/cache";
import { attachPlaySchema, completePlayStepSchema, savePlaySchema } from "@/lib/schemas/plays";
import { authorizedAction } from "@/server/actions/action-client";
import { attachPlay, completePlayStep } from "./deal-plays";
import { savePlay } from "./save-play";

export const savePlayAction = authorizedAction(
  "plays.write",
  savePlaySchema,
  async ({ actor, db, input }) => {
    const play = await savePlay(db, actor, input);
    revalidatePath("/plays");
    return play;
  },
);

export const attachPlayAction = authorizedAction(
  "plays.run",
  attachPlaySchema,
  async ({ actor, db, input }) => {
    const { dealPlay } = await attachPlay(db, actor, input);
    revalidatePath(`/deals/${input.dealId}`);
    return { id: dealPlay.id };
  },
);

export const completePlayStepAction = authorizedAction(
  "plays.run",
  completePlayStepSchema,
  async ({ actor, db, input }) => {
    const { completion, usageIds, created } = await completePlayStep(db, actor, input);
    revalidatePath("/deals/[id]", "page");
    return { stepId: completion.stepId, usages: usageIds.length, created };
  },
);
