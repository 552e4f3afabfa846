import "server-only";
import { z } from "zod";
import type { Database } from "@/db/client";
import { idParam } from "@/lib/schemas/api-common";
import type { Actor } from "@/server/authz/actor";
import { defineRoute, type RouteSpec } from "./define-route";

type AnyObject = z.ZodObject<z.ZodRawShape>;
type IdParam = typeof idParam;

/** What every shape below leaves to its caller: where the route is, what it is called, who may use it. */
type Described = Pick<
  RouteSpec<AnyObject, AnyObject, z.ZodType, z.ZodType>,
  "path" | "summary" | "tag" | "permission" | "sessionOnly"
>;

/**
 * A GET answered with a plain list, `{ data: [...] }` of `item`: `list` returns the items for the
 * request's params and query.
 */
export function listRoute<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  I extends z.ZodType = z.ZodType,
>({
  item,
  list,
  ...spec
}: Described & {
  params?: P;
  query?: Q;
  errors?: number[];
  item: I;
  list: (ctx: { actor: Actor; db: Database; params: z.infer<P>; query: z.infer<Q> }) => Promise<z.input<I>[]>;
}) {
  return defineRoute({
    ...spec,
    method: "GET",
    response: z.object({ data: z.array(item) }),
    handler: async (ctx) => ({ data: await list(ctx) }),
  });
}

/** A POST that creates one thing: `create` makes it from the body, then `get` answers (201) with it as stored. */
export function createRoute<B extends z.ZodType, R extends z.ZodType>({
  create,
  get,
  ...spec
}: Described & {
  body: B;
  response: R;
  errors?: number[];
  create: (db: Database, actor: Actor, body: z.infer<B>) => Promise<{ id: string }>;
  get: (db: Database, actor: Actor, id: string) => Promise<z.input<R>>;
}) {
  return defineRoute<AnyObject, AnyObject, B, R>({
    ...spec,
    method: "POST",
    successStatus: 201,
    handler: async ({ actor, db, body }) => {
      const created = await create(db, actor, body);
      return get(db, actor, created.id);
    },
  });
}

/** A PATCH of one thing by its id: `update` applies the body, then `get` answers with the thing as it now is. */
export function updateByIdRoute<B extends z.ZodType, R extends z.ZodType>({
  update,
  get,
  ...spec
}: Described & {
  body: B;
  response: R;
  errors: number[];
  update: (db: Database, actor: Actor, id: string, body: z.infer<B>) => Promise<unknown>;
  get: (db: Database, actor: Actor, id: string) => Promise<z.input<R>>;
}) {
  return defineRoute<IdParam, AnyObject, B, R>({
    ...spec,
    method: "PATCH",
    params: idParam,
    handler: async ({ actor, db, params, body }) => {
      await update(db, actor, params.id, body);
      return get(db, actor, params.id);
    },
  });
}

/** A DELETE of one thing by its id: 204 once `remove` is done, 404 when there is no such thing to remove. */
export function deleteByIdRoute({
  remove,
  ...spec
}: Described & { remove: (db: Database, actor: Actor, id: string) => Promise<unknown> }) {
  return defineRoute({
    ...spec,
    method: "DELETE",
    params: idParam,
    response: z.undefined(),
    successStatus: 204,
    errors: [404],
    handler: async ({ actor, db, params }) => {
      await remove(db, actor, params.id);
      return undefined;
    },
  });
}
