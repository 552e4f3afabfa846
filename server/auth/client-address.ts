import "server-only";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** The caller's address as the nearest proxy reports it (first hop of X-Forwarded-For). */
export function clientAddress(headers: HeaderBag): string | null {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const forwarded = read("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || read("x-real-ip")?.trim() || null;
}
