import type { ApiRoute } from "@/server/api/define-route";

/** Calls an /api/v1 route handler as an HTTP client with this bearer token would. */
export async function callRoute(
  route: ApiRoute,
  token: string,
  opts: { params?: Record<string, string>; body?: unknown; key?: string } = {},
) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (opts.key) headers["idempotency-key"] = opts.key;
  const res = await route.handler(
    new Request("http://localhost/api/v1/test", {
      method: route.spec.method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
    { params: Promise.resolve(opts.params ?? {}) },
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}
