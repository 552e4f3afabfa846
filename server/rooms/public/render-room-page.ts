import "server-only";
import { html, type SafeHtml } from "./html";
import type { OpenRoom } from "./room-door";
import type { PublicAsset } from "./public-assets";

// Nothing on the buyer's page loads from anywhere but this origin, and nothing runs but room.js.
const securityHeaders = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow, noarchive",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; " +
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

function documentOf(title: string, body: SafeHtml, script = false): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow, noarchive" />
        <title>${title}</title>
        <link rel="stylesheet" href="/room/room.css" />
        ${script ? html`<script src="/room/room.js" defer></script>` : ""}
      </head>
      ${body}
    </html>`.value;
}

export function pageResponse(
  title: string,
  body: SafeHtml,
  opts: { status?: number; setCookie?: string | null; script?: boolean; retryAfter?: number } = {},
) {
  const headers: Record<string, string> = { ...securityHeaders };
  if (opts.setCookie) headers["Set-Cookie"] = opts.setCookie;
  if (opts.retryAfter) headers["Retry-After"] = String(opts.retryAfter);
  return new Response(documentOf(title, body, opts.script), { status: opts.status ?? 200, headers });
}

/** The plain page for an unknown, expired or revoked link (and for refusals): no hint which. */
export function plainPage(message: string, status: number, retryAfter?: number) {
  return pageResponse(
    "Link not available",
    html`<body>
      <main class="plain"><p role="status">${message}</p></main>
    </body>`,
    { status, retryAfter },
  );
}

/** Only a logo on this origin is shown: the buyer's page makes no third-party requests. */
function brandOf(open: OpenRoom) {
  const logo = open.workspace.logoUrl?.startsWith("/") && !open.workspace.logoUrl.startsWith("//");
  return html`<header class="brand">
    ${logo ? html`<img src="${open.workspace.logoUrl!}" alt="" class="logo" />` : ""}<span
      >${open.workspace.name}</span
    >
  </header>`;
}

export function gatePage(
  open: OpenRoom,
  opts: { error?: string; status?: number; setCookie?: string | null },
) {
  const { room } = open;
  const body = html`<body>
    ${brandOf(open)}
    <main class="gate">
      <h1>${room.title}</h1>
      <p class="from">Shared by ${open.creatorName}</p>
      <form method="post" action="/r/${open.token}/unlock">
        ${opts.error ? html`<p class="error" role="alert">${opts.error}</p>` : ""}
        ${
          room.emailGate
            ? html`<label for="email">Your work email</label>
                <input id="email" name="email" type="email" autocomplete="email" required maxlength="320" />`
            : ""
        }
        ${
          room.passwordHash
            ? html`<label for="password">Password</label>
                <input
                  id="password"
                  name="password"
                  type="password"
                  autocomplete="current-password"
                  required
                  maxlength="200"
                />`
            : ""
        }
        <button type="submit">Open</button>
      </form>
    </main>
  </body>`;
  return pageResponse(room.title, body, { status: opts.status, setCookie: opts.setCookie });
}

function viewerOf(open: OpenRoom, asset: PublicAsset, outline: string) {
  const base = `/r/${open.token}/a/${asset.n}`;
  if (asset.kind === "pages") {
    const pages = Array.from({ length: asset.pages }, (_, i) => i + 1);
    return html`<div class="pages">
      ${pages.map(
        (p) =>
          html`<img
            data-page="${p}"
            src="${base}/pages/${p}"
            loading="${p <= 2 ? "eager" : "lazy"}"
            alt="${asset.title}, page ${p} of ${asset.pages}"
          />`,
      )}
    </div>`;
  }
  if (asset.kind === "video") {
    return html`<video data-page="1" controls playsinline preload="metadata" src="${base}/stream"></video>`;
  }
  return html`<div class="outline" data-page="1">
    ${outline ? html`<pre>${outline}</pre>` : html`<p>This file cannot be shown in the browser.</p>`}
  </div>`;
}

export function roomPage(
  open: OpenRoom,
  assets: { asset: PublicAsset; outline: string }[],
  opts: { setCookie?: string | null; doNotTrack: boolean },
) {
  const { room } = open;
  const body = html`<body data-room="/r/${open.token}" data-dnt="${opts.doNotTrack ? "1" : "0"}">
    ${brandOf(open)}
    <main>
      <h1>${room.title}</h1>
      <p class="from">Shared by ${open.creatorName}</p>
      ${room.message ? html`<p class="message">${room.message}</p>` : ""}
      <p class="gone" role="alert" hidden>This link is not available any more.</p>
      ${assets.length === 0 ? html`<p>There is nothing in this room at the moment.</p>` : ""}
      <ol class="assets">
        ${assets.map(
          ({ asset, outline }) =>
            html`<li class="asset" data-n="${asset.n}" data-kind="${asset.kind}">
              <h2>${asset.title}</h2>
              ${viewerOf(open, asset, outline)}
              ${room.allowDownload && asset.allowDownload ? html`<a class="download" href="/r/${open.token}/a/${asset.n}/download">Download ${asset.title}</a>` : ""}
            </li>`,
        )}
      </ol>
    </main>
  </body>`;
  return pageResponse(room.title, body, { setCookie: opts.setCookie, script: true });
}
