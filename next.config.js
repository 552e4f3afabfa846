/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time, not bundled: PGlite's WASM and extension bundles, native
  // addons (argon2, sharp, skia canvas) and the PDF/Office parsers and job queue that load them.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "pg",
    "pg-boss",
    "sharp",
    "@napi-rs/canvas",
    "unpdf",
    "officeparser",
  ],
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (scripts and tests too); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // forbidden() answers a signed-in user who lacks a permission with a real 403 page.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
