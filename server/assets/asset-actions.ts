"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assetStatuses } from "@/lib/assets";
import { updateAssetSchema } from "@/lib/schemas/assets";
import { authorizedAction } from "@/server/actions/action-client";
import { findAssetsByTitle } from "./asset-picker-query";
import { changeAssetStatus } from "./change-asset-status";
import { updateAsset } from "./update-asset";

export const changeAssetStatusAction = authorizedAction(
  "assets.publish",
  z.object({ assetId: z.uuid(), status: z.enum(assetStatuses) }),
  async ({ actor, db, input }) => {
    const result = await changeAssetStatus(db, actor, input.assetId, input.status);
    revalidatePath(`/assets/${input.assetId}`);
    return result;
  },
);

export const findAssetsAction = authorizedAction(
  "assets.read",
  z.object({ q: z.string().max(200) }),
  ({ actor, db, input }) => findAssetsByTitle(db, actor, input.q),
);

export const updateAssetAction = authorizedAction(
  "assets.write",
  z.object({ assetId: z.uuid(), patch: updateAssetSchema }),
  async ({ actor, db, input }) => {
    await updateAsset(db, actor, input.assetId, input.patch);
    revalidatePath(`/assets/${input.assetId}`);
    return { id: input.assetId };
  },
);
