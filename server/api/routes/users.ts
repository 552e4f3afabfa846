import "server-only";
import { z } from "zod";
import { idParam } from "@/lib/schemas/api-common";
import { createUserSchema, userChangesSchema, userSchema } from "@/lib/schemas/users";
import { createUser, getUserOrThrow, listUsers, updateUser } from "@/server/users/user-admin";
import { defineRoute } from "../define-route";
import { listRoute } from "../route-shapes";

const present = (u: {
  id: string;
  email: string;
  name: string;
  role: z.infer<typeof userSchema>["role"];
  team: string | null;
  active: boolean;
  channelManager: boolean;
  partnerOrgId: string | null;
  lastSignInAt: Date | null;
}) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  team: u.team,
  active: u.active,
  channelManager: u.channelManager,
  partnerOrgId: u.partnerOrgId,
  lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
});

export const listUsersRoute = listRoute({
  path: "/api/v1/users",
  summary: "Every user of the workspace (admins)",
  tag: "Administration",
  permission: "users.manage",
  item: userSchema,
  list: async ({ actor, db }) => (await listUsers(db, actor)).map(present),
});

export const createUserRoute = defineRoute({
  method: "POST",
  path: "/api/v1/users",
  summary: "Create a user with a role (partners need a partner organisation) (admins)",
  tag: "Administration",
  permission: "users.manage",
  body: createUserSchema,
  response: userSchema,
  successStatus: 201,
  errors: [409],
  handler: async ({ actor, db, body }) => present(await createUser(db, actor, body)),
});

export const updateUserRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/users/{id}",
  summary: "Change a user's role, partner organisation, channel-manager flag or active state (admins)",
  tag: "Administration",
  permission: "users.manage",
  params: idParam,
  body: userChangesSchema,
  response: userSchema,
  errors: [404, 409],
  handler: async ({ actor, db, params, body }) => {
    await updateUser(db, actor, { ...body, userId: params.id });
    return present(await getUserOrThrow(db, actor, params.id));
  },
});
