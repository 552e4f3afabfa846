import "server-only";
import { createdTokenSchema, createTokenSchema, tokenSchema } from "@/lib/schemas/me";
import { createApiToken, listApiTokens, revokeApiToken } from "@/server/tokens/token-service";
import { defineRoute } from "../define-route";
import { deleteByIdRoute, listRoute } from "../route-shapes";

const present = (t: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

export const listTokens = listRoute({
  path: "/api/v1/tokens",
  summary: "Your active API tokens",
  tag: "API tokens",
  permission: "tokens.manage",
  sessionOnly: true,
  item: tokenSchema,
  list: async ({ actor, db }) => (await listApiTokens(db, actor)).map(present),
});

export const createToken = defineRoute({
  method: "POST",
  path: "/api/v1/tokens",
  summary: "Create an API token acting with your role",
  tag: "API tokens",
  permission: "tokens.manage",
  sessionOnly: true,
  body: createTokenSchema,
  response: createdTokenSchema,
  successStatus: 201,
  handler: async ({ actor, db, body }) => {
    const { token, secret } = await createApiToken(db, actor, body.name);
    return { ...present(token), secret };
  },
});

export const revokeToken = deleteByIdRoute({
  path: "/api/v1/tokens/{id}",
  summary: "Revoke one of your API tokens",
  tag: "API tokens",
  permission: "tokens.manage",
  sessionOnly: true,
  remove: revokeApiToken,
});
