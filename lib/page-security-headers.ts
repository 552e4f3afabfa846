/**
 * The headers every HTML page carries. Scripts run only from this origin and only when they bear the
 * request's nonce (Next.js puts it on its own scripts; 'strict-dynamic' lets those load their chunks), so
 * an injected <script> or inline handler does nothing. Styles allow inline style attributes (progress
 * bars, charts), which cannot run code. Nothing may frame a page, and the browser features Baton never
 * uses are switched off.
 */
export function pageSecurityHeaders(nonce: string, opts: { dev: boolean }): Record<string, string> {
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": policy,
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), " +
      "display-capture=(), interest-cohort=(), browsing-topics=()",
  };
}

/** 128 random bits, base64: unguessable and new for every page request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
