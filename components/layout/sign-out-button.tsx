"use client";

import { useSyncExternalStore } from "react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

const noSubscription = () => () => {};

/**
 * Signs out through next-auth (client-side). Disabled until the page has hydrated: a click before that
 * reached no handler and was silently lost.
 */
export function SignOutButton() {
  // false in the server's HTML and while hydrating, true once the handler is attached.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <Button variant="secondary" disabled={!hydrated} onClick={() => signOut({ callbackUrl: "/signin" })}>
      Sign out
    </Button>
  );
}
