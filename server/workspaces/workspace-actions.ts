"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/server/actions/action-client";
import { searchLanguageIds } from "@/lib/search-languages";
import { setSearchLanguage, setSecondApproval } from "./workspace-settings";

export const setSecondApprovalAction = authorizedAction(
  "settings.manage",
  z.object({ required: z.boolean() }),
  async ({ actor, db, input }) => {
    await setSecondApproval(db, actor, input.required);
    revalidatePath("/settings/workspace");
    return { required: input.required };
  },
);

export const setSearchLanguageAction = authorizedAction(
  "settings.manage",
  z.object({ language: z.enum(searchLanguageIds) }),
  async ({ actor, db, input }) => {
    await setSearchLanguage(db, actor, input.language);
    revalidatePath("/settings/workspace");
    return { language: input.language };
  },
);
