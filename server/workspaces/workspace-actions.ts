"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/server/actions/action-client";
import { setSecondApproval } from "./workspace-settings";

export const setSecondApprovalAction = authorizedAction(
  "settings.manage",
  z.object({ required: z.boolean() }),
  async ({ actor, db, input }) => {
    await setSecondApproval(db, actor, input.required);
    revalidatePath("/settings/workspace");
    return { required: input.required };
  },
);
