import "server-only";
import { env } from "@/env";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/**
 * The caller's address for throttling, as the nearest of `trustedHops` proxies saw it: each trusted proxy
 * appends the address it received the request from to X-Forwarded-For, so the entry `trustedHops` from
 * the right is one no client can choose; everything left of it is whatever the client sent. With no
 * trusted proxy (0, the default) nothing in the request can be trusted (Next.js passes a client's own
 * X-Forwarded-For through), so there is no address and only the per-account limit applies.
 */
export function clientAddress(headers: HeaderBag, trustedHops = env.TRUSTED_PROXY_HOPS): string | null {
  if (trustedHops === 0) return null;
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const hops = (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops.length >= trustedHops ? hops[hops.length - trustedHops]! : null;
}
