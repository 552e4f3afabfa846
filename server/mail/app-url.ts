import "server-only";
import { env } from "@/env";

/** An absolute link into Baton for messages read outside the app (email). */
export function appUrl(pathname: string): string {
  const base = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  return new URL(pathname, base).toString();
}
