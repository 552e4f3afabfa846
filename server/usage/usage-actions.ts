"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { logUsageSchema, updateUsageSchema } from "@/lib/schemas/deals";
import { authorizedAction } from "@/server/actions/action-client";
import { logUsage } from "./log-usage";
import { deleteUsage, updateUsage } from "./usage-services";

export const logUsageAction = authorizedAction(
  "usage.write",
  logUsageSchema,
  async ({ actor, db, input }) => {
    const { usage, created } = await logUsage(db, actor, input);
    revalidatePath(`/deals/${input.dealId}`);
    revalidatePath(`/assets/${input.assetId}`);
    return { id: usage.id, created };
  },
);

export const updateUsageAction = authorizedAction(
  "usage.write",
  z.object({ usageId: z.uuid(), patch: updateUsageSchema }),
  async ({ actor, db, input }) => {
    const usage = await updateUsage(db, actor, input.usageId, input.patch);
    revalidatePath(`/deals/${usage.dealId}`);
    return { id: usage.id };
  },
);

export const deleteUsageAction = authorizedAction(
  "usage.write",
  z.object({ usageId: z.uuid(), dealId: z.uuid() }),
  async ({ actor, db, input }) => {
    await deleteUsage(db, actor, input.usageId);
    revalidatePath(`/deals/${input.dealId}`);
    return { id: input.usageId };
  },
);
