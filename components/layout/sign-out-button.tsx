"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

const noSubscription = () => () => {};

/**
 * Signs out through next-auth's own endpoints (CSRF token, then POST /api/auth/signout, whose signOut event
 * revokes the session server-side), then leaves for the sign-in page. Two requests, so every page's header
 * does not ship next-auth's whole browser client for one button. Disabled until the page has hydrated: a
 * click before that reached no handler and was silently lost.
 */
export function SignOutButton() {
  // false in the server's HTML and while hydrating, true once the handler is attached.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [leaving, setLeaving] = useState(false);
  const [failed, setFailed] = useState(false);
  async function signOut() {
    setLeaving(true);
    setFailed(false);
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/signin", json: "true" }),
      });
      if (!response.ok) throw new Error(`sign-out answered ${response.status}`);
      // A full page load, not the client router: nothing from the signed-in session (router cache, queries)
      // may survive into the sign-in page.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/signin");
    } catch {
      setLeaving(false);
      setFailed(true);
    }
  }
  return (
    <>
      <Button variant="secondary" disabled={!hydrated || leaving} onClick={signOut}>
        Sign out
      </Button>
      {failed ? (
        <span role="alert" className="text-xs text-red-600">
          Could not sign out; check the connection and try again.
        </span>
      ) : null}
    </>
  );
}
