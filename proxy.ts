import { NextResponse, type NextRequest } from "next/server";
import { strippedSearchParams } from "@/lib/safe-text";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Strips text no page can use (NUL, unpaired surrogates) from query strings, and sends visitors without a
 * session cookie to the sign-in page. It is a convenience, not a security
 * boundary: every page, action and API handler authorizes the actor itself on the server.
 */
export function proxy(request: NextRequest) {
  const stripped = strippedSearchParams(request.nextUrl);
  if (stripped) return NextResponse.redirect(stripped, 308);
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (signedIn) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: the API answers 401 itself, and static files (the app icons included), the sign-in page,
  // invitation links and buyer rooms (/r/<token>, public by design, with their own headers) stay reachable.
  matcher: ["/((?!api|_next|signin|invite/|r/|room/|favicon.ico|icon.svg|apple-icon.png|robots.txt).*)"],
};
