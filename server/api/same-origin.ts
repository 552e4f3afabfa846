import "server-only";
import { env } from "@/env";
import { AppError } from "@/lib/errors";

/**
 * A browser attaches the session cookie to any request for this site, even one a page elsewhere makes
 * it send (a form or a text/plain fetch needs no CORS preflight). So a write made with the session must
 * say it comes from Baton's own pages: `Sec-Fetch-Site: same-origin`, or, from browsers that do not send
 * that header, an `Origin` equal to Baton's. A request with neither is refused too. Token calls carry no
 * ambient credential and are not checked.
 */
export function assertSameOriginWrite(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const sameOrigin =
    site !== null ? site === "same-origin" : origin !== null && appOrigins(request).has(origin);
  if (!sameOrigin) {
    throw new AppError(
      "forbidden",
      "A change made with a signed-in session must come from Baton's own pages; from elsewhere, use an API token",
    );
  }
}

function appOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(request.url).origin]);
  if (env.NEXTAUTH_URL) origins.add(new URL(env.NEXTAUTH_URL).origin);
  return origins;
}
