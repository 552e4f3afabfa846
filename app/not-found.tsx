import Link from "next/link";
import { connection } from "next/server";

/**
 * Rendered per request, like every other page: a page prerendered at build time has no nonce on its
 * scripts, so the Content-Security-Policy the proxy sends with it would block them.
 */
export default async function NotFound() {
  await connection();
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-500">This page doesn’t exist, or it isn’t shared with you.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-700 underline">
        Back to Baton
      </Link>
    </main>
  );
}
