import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { newNonce, pageSecurityHeaders } from "@/lib/page-security-headers";
import { strippedSearchParams } from "@/lib/safe-text";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
/** Pages anyone may open: signing in, resetting a forgotten password and accepting an invitation. */
const PUBLIC_PAGES = /^\/(signin(\/|$)|forgot-password$|reset-password\/|invite\/)/;

/**
 * Every page request passes here: text no page can use (NUL, unpaired surrogates) is stripped from the
 * query string, visitors without a session cookie are sent to the sign-in page (a convenience, not a
 * security boundary: every page, action and API handler authorizes the actor itself on the server), and
 * the page gets its Content-Security-Policy with a fresh nonce, which Next.js reads from the request
 * headers and puts on its scripts.
 */
export function proxy(request: NextRequest) {
  const stripped = strippedSearchParams(request.nextUrl);
  if (stripped) return NextResponse.redirect(stripped, 308);
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn && !PUBLIC_PAGES.test(request.nextUrl.pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  const headers = pageSecurityHeaders(newNonce(), { dev: env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: the API answers 401 itself and static files (the app icons included) need no policy. Buyer
  // rooms (/r/<token>, public by design) are route handlers that send their own strict policy.
  matcher: ["/((?!api|_next/static|_next/image|r/|room/|favicon.ico|icon.svg|apple-icon.png|robots.txt).*)"],
};
