"use server";

import { revalidatePath } from "next/cache";
import { bulkEditAssetsSchema } from "@/lib/schemas/taxonomy";
import { authorizedAction } from "@/server/actions/action-client";
import { bulkEditAssets } from "./bulk-edit-assets";

export const bulkEditAssetsAction = authorizedAction(
  "assets.write",
  bulkEditAssetsSchema,
  async ({ actor, db, input }) => {
    const result = await bulkEditAssets(db, actor, input);
    revalidatePath("/library");
    return result;
  },
);
