"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While the file is still being processed, re-renders the page every few seconds until it is done. */
export function ProcessingWatcher({ intervalMs = 3000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return null;
}
