"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createRequestSchema, updateRequestSchema } from "@/lib/schemas/requests";
import { authorizedAction } from "@/server/actions/action-client";
import { createRequest } from "./create-request";
import { updateRequest, voteForRequest } from "./triage-request";

export const createRequestAction = authorizedAction(
  "requests.create",
  createRequestSchema,
  async ({ actor, db, input }) => {
    const request = await createRequest(db, actor, input);
    revalidatePath("/requests");
    return { id: request.id };
  },
);

export const updateRequestAction = authorizedAction(
  "requests.triage",
  z.object({ id: z.uuid(), patch: updateRequestSchema }),
  async ({ actor, db, input }) => {
    const result = await updateRequest(db, actor, input.id, input.patch);
    revalidatePath("/requests");
    return result;
  },
);

export const voteRequestAction = authorizedAction(
  "requests.create",
  z.object({ id: z.uuid() }),
  async ({ actor, db, input }) => {
    const result = await voteForRequest(db, actor, input.id);
    revalidatePath("/requests");
    return result;
  },
);
