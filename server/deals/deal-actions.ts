"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  closeDealSchema,
  createDealSchema,
  moveDealStageSchema,
  updateDealSchema,
} from "@/lib/schemas/deals";
import { authorizedAction } from "@/server/actions/action-client";
import { createDeal } from "./create-deal";
import { closeDeal, moveDealStage, updateDeal } from "./deal-services";

export const moveDealStageAction = authorizedAction(
  "deals.write",
  moveDealStageSchema,
  async ({ actor, db, input }) => {
    await moveDealStage(db, actor, input.dealId, input.stageId);
    revalidatePath(`/deals/${input.dealId}`);
    return { stageId: input.stageId };
  },
);

export const closeDealAction = authorizedAction(
  "deals.write",
  closeDealSchema,
  async ({ actor, db, input }) => {
    const deal = await closeDeal(db, actor, input);
    revalidatePath(`/deals/${input.dealId}`);
    return { status: deal.status };
  },
);

export const createDealAction = authorizedAction(
  "deals.write",
  createDealSchema,
  async ({ actor, db, input }) => {
    const deal = await createDeal(db, actor, input);
    revalidatePath("/deals");
    return { id: deal.id };
  },
);

export const reopenDealAction = authorizedAction(
  "deals.write",
  z.object({ dealId: z.uuid() }),
  async ({ actor, db, input }) => {
    await updateDeal(db, actor, input.dealId, { status: "open" });
    revalidatePath(`/deals/${input.dealId}`);
    return { status: "open" as const };
  },
);

export const editDealAction = authorizedAction(
  "deals.write",
  z.object({ dealId: z.uuid(), patch: updateDealSchema }),
  async ({ actor, db, input }) => {
    await updateDeal(db, actor, input.dealId, input.patch);
    revalidatePath(`/deals/${input.dealId}`);
    return { id: input.dealId };
  },
);
