"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createTokenSchema } from "@/lib/schemas/me";
import { authorizedAction } from "@/server/actions/action-client";
import { createApiToken, revokeApiToken } from "./token-service";

export const createTokenAction = authorizedAction(
  "tokens.manage",
  createTokenSchema,
  async ({ actor, db, input }) => {
    const { token, secret } = await createApiToken(db, actor, input.name);
    revalidatePath("/settings/tokens");
    return { id: token.id, secret };
  },
);

export const revokeTokenAction = authorizedAction(
  "tokens.manage",
  z.object({ tokenId: z.uuid() }),
  async ({ actor, db, input }) => {
    await revokeApiToken(db, actor, input.tokenId);
    revalidatePath("/settings/tokens");
    return { id: input.tokenId };
  },
);
