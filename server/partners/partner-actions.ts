"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { bulkPartnerVisibilitySchema } from "@/lib/schemas/partner-visibility";
import {
  createPartnerOrgSchema,
  invitePartnerUserSchema,
  updatePartnerOrgSchema,
} from "@/lib/schemas/partners";
import { authorizedAction } from "@/server/actions/action-client";
import { setPartnerVisibilityInBulk } from "./asset-partner-visibility";
import { invitePartnerUser, revokeInvitation } from "./partner-invitations";
import { createPartnerOrg, updatePartnerOrg } from "./partner-orgs";

export const createPartnerOrgAction = authorizedAction(
  "partners.manage",
  createPartnerOrgSchema,
  async ({ actor, db, input }) => {
    const org = await createPartnerOrg(db, actor, input);
    revalidatePath("/partners");
    return { id: org.id };
  },
);

export const updatePartnerOrgAction = authorizedAction(
  "partners.manage",
  z.object({ id: z.uuid(), patch: updatePartnerOrgSchema }),
  async ({ actor, db, input }) => {
    const org = await updatePartnerOrg(db, actor, input.id, input.patch);
    revalidatePath("/partners");
    return { id: org.id, active: org.active };
  },
);

export const invitePartnerUserAction = authorizedAction(
  "partners.manage",
  invitePartnerUserSchema,
  async ({ actor, db, input }) => {
    const invitation = await invitePartnerUser(db, actor, input);
    revalidatePath("/partners");
    return { id: invitation.id };
  },
);

export const revokeInvitationAction = authorizedAction(
  "partners.manage",
  z.object({ invitationId: z.uuid() }),
  async ({ actor, db, input }) => {
    await revokeInvitation(db, actor, input.invitationId);
    revalidatePath("/partners");
    return { id: input.invitationId };
  },
);

export const setPartnerVisibilityInBulkAction = authorizedAction(
  "assets.write",
  bulkPartnerVisibilitySchema,
  async ({ actor, db, input }) => {
    const result = await setPartnerVisibilityInBulk(db, actor, input.assetIds, input.visibility);
    revalidatePath("/library");
    return result;
  },
);
