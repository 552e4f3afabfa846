"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A buyer link shown once (only its hash is stored), with a button that copies it. */
export function CopyLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1 rounded-md bg-emerald-50 p-3 text-sm">
      <label htmlFor="room-link" className="block font-medium text-emerald-900">
        Buyer link (shown once: copy it now)
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="room-link"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-h-11 min-w-0 flex-1 rounded-md border-0 bg-white px-3 text-sm ring-1 ring-inset ring-emerald-300"
        />
        <Button
          className="min-h-11"
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
      </div>
    </div>
  );
}
