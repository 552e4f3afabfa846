import "server-only";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { env } from "@/env";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/zod-errors";
import type { Actor } from "@/server/authz/actor";
import { hitRateLimit } from "@/server/auth/sign-in-throttle";
import { actorCan, type Permission } from "@/server/authz/permissions";
import { resolveApiActor } from "./api-actor";
import { assertSameOriginWrite } from "./same-origin";
import { errorResponse } from "./error-response";
import { settleUpload, type ReceivedUpload } from "@/server/assets/receive-upload";
import { receiveApiUpload } from "./receive-api-upload";
import { getStorage } from "@/server/storage";
import { requestFingerprint, withIdempotency } from "./idempotency";
import { hashStreamedBody } from "./streamed-body-hash";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface RouteSpec<
  P extends AnyObject,
  Q extends AnyObject,
  B extends z.ZodType,
  R extends z.ZodType,
  M extends AnyObject = AnyObject,
> {
  method: HttpMethod;
  /** OpenAPI path, e.g. /api/v1/tokens/{id} */
  path: string;
  summary: string;
  tag: string;
  /** Omitted: any signed-in actor. */
  permission?: Permission;
  /** Token management needs a person at a browser, not another token. */
  sessionOnly?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * Multipart uploads: the text fields (object fields are sent as JSON), read and validated before the
   * first byte of the file is stored; the file then streams into storage.
   */
  multipart?: M;
  /** Checks that need the fields but not the file (permissions, ids), also run before the file is stored. */
  beforeFile?: (ctx: { actor: Actor; db: Database; params: z.infer<P>; fields: z.infer<M> }) => Promise<void>;
  /** A streamed non-JSON body (e.g. text/csv) the handler reads itself. */
  rawBody?: { contentType: string; description: string };
  response: R;
  /** A non-JSON success body (a file download), documented with this media type. */
  produces?: string;
  successStatus?: 200 | 201 | 204;
  /** Extra error statuses this endpoint can answer with, for the OpenAPI document. */
  errors?: number[];
  handler: (ctx: {
    actor: Actor;
    db: Database;
    params: z.infer<P>;
    query: z.infer<Q>;
    body: z.infer<B>;
    request: Request;
    /** Multipart routes: the file, already streamed into storage, and the text fields. */
    upload?: ReceivedUpload<z.infer<M>>;
    /** Work that must wait until the request's transaction has committed (queueing a job for a new row). */
    afterCommit: (task: () => Promise<void>) => void;
    /** Headers to send with a JSON answer (diagnostics such as Server-Timing). */
    headers: Headers;
  }) => Promise<z.input<R> | Response>;
}

export interface ApiRoute {
  spec: RouteSpec<AnyObject, AnyObject, z.ZodType, z.ZodType, AnyObject>;
  handler: (
    request: Request,
    context: { params: Promise<Record<string, string | string[]>> },
  ) => Promise<Response>;
}

/**
 * One wrapper for every /api/v1 handler: resolves the actor (token or session), checks the permission,
 * validates params, query and body with zod, streams a multipart upload into storage, honours
 * Idempotency-Key on POST (the work runs in the key's transaction; see idempotency.ts), shapes the response
 * through its schema (so no unlisted field leaks), and translates errors into the one error format.
 */
export function defineRoute<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodType,
  M extends AnyObject = AnyObject,
>(spec: RouteSpec<P, Q, B, R, M>): ApiRoute {
  const handler: ApiRoute["handler"] = async (request, context) => {
    try {
      const db = await getDb();
      const { actor, via } = await resolveApiActor(db, request, { allowToken: !spec.sessionOnly });
      if (via === "session" && spec.method !== "GET") assertSameOriginWrite(request);
      if (spec.permission && !actorCan(actor, spec.permission)) {
        throw new AppError("forbidden", "Your role does not allow this");
      }
      if (spec.method !== "GET") {
        const wait = await hitRateLimit(db, `api-write:${actor.userId}`, env.API_WRITE_LIMIT_PER_MINUTE, 60);
        if (wait > 0) {
          throw new AppError("rate_limited", `Too many changes in a minute; try again in ${wait} s`, {
            retryAfterSeconds: wait,
          });
        }
      }
      const params = spec.params ? parseOrThrow(spec.params, await context.params, "Path") : {};
      const url = new URL(request.url);
      const query = spec.query ? parseOrThrow(spec.query, Object.fromEntries(url.searchParams), "Query") : {};
      const raw = spec.body ? await request.text() : "";
      const body = spec.body ? parseOrThrow(spec.body, parseJson(raw), "Body") : undefined;
      const key = spec.method === "POST" ? request.headers.get("idempotency-key") : null;
      const streamed = spec.rawBody && key !== null ? hashStreamedBody(request) : undefined;
      const multipart = spec.multipart;
      const upload = multipart
        ? await receiveApiUpload(request, actor.workspaceId, multipart, async (fields) => {
            await spec.beforeFile?.({ actor, db, params: params as z.infer<P>, fields });
          })
        : undefined;
      const afterCommit: (() => Promise<void>)[] = [];
      const headers = new Headers();

      const run = async (db: Database) => {
        const result = await spec.handler({
          actor,
          db,
          params: params as z.infer<P>,
          query: query as z.infer<Q>,
          body: body as z.infer<B>,
          request: streamed?.request ?? request,
          upload,
          afterCommit: (task) => afterCommit.push(task),
          headers,
        });
        if (result instanceof Response) return { status: result.status, body: result };
        return { status: spec.successStatus ?? 200, body: spec.response.parse(result) as unknown };
      };

      const answer = async () =>
        key === null
          ? { ...(await run(db)), replayed: false }
          : withIdempotency(
              db,
              actor.userId,
              key,
              requestFingerprint(`${spec.method} ${url.pathname}`, { raw, upload, streamed }),
              run,
            );
      // A replay answers with the first upload's asset, so this copy of the file is not kept.
      const outcome = upload
        ? await settleUpload(getStorage(), upload, answer, (done) => !done.replayed)
        : await answer();
      if (!outcome.replayed) for (const task of afterCommit) await task();
      if (outcome.body instanceof Response) return outcome.body;
      if (outcome.status === 204) return new Response(null, { status: 204 });
      if (outcome.replayed) headers.set("Idempotent-Replayed", "true");
      return Response.json(outcome.body, { status: outcome.status, headers });
    } catch (error) {
      return errorResponse(error, { method: spec.method, path: spec.path });
    }
  };
  return { spec: spec as unknown as ApiRoute["spec"], handler };
}

function parseJson(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "Body is not valid JSON");
  }
}
