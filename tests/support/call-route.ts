import type { Database } from "@/db/client";
import type { ApiRoute } from "@/server/api/define-route";
import { createApiToken } from "@/server/tokens/token-service";
import type { TestWorkspace } from "./factories";

export interface RouteCall {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  /** Sent as is, with `contentType` when given. */
  body?: BodyInit;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Calls a route's handler as Next.js would, with a Bearer token; the body is parsed when it is JSON. */
export async function callRoute(route: ApiRoute, token: string | null, call: RouteCall = {}) {
  const url = new URL(`http://localhost${route.spec.path}`);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...call.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  const contentType = call.contentType ?? (call.json !== undefined ? "application/json" : undefined);
  if (contentType) headers["content-type"] = contentType;
  const res = await route.handler(
    new Request(url, {
      method: route.spec.method,
      headers,
      body: call.json !== undefined ? JSON.stringify(call.json) : call.body,
    }),
    { params: Promise.resolve(call.params ?? {}) },
  );
  const text = await res.text();
  const isJson = (res.headers.get("content-type") ?? "").includes("json");
  return { status: res.status, headers: res.headers, body: isJson && text ? JSON.parse(text) : text };
}

/** An API token for each of the named people of a test workspace. */
export async function tokensFor<K extends keyof TestWorkspace["people"]>(
  db: Database,
  ws: TestWorkspace,
  who: readonly K[],
): Promise<Record<K, string>> {
  const tokens = {} as Record<K, string>;
  for (const k of who) tokens[k] = (await createApiToken(db, await ws.actor(ws.people[k]), k)).secret;
  return tokens;
}
