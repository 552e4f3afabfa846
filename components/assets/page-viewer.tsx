"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Rendered page images with previous/next and a page counter (arrow keys work when it has focus). */
export function PageViewer({
  assetId,
  title,
  previewPages,
  totalPages,
}: {
  assetId: string;
  title: string;
  previewPages: number;
  totalPages: number;
}) {
  const [page, setPage] = useState(1);
  const go = (n: number) => setPage(Math.min(previewPages, Math.max(1, n)));
  return (
    <div
      className="space-y-3"
      role="region"
      aria-label="Document viewer"
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === "ArrowRight") go(page + 1);
        if (e.key === "ArrowLeft") go(page - 1);
      }}
    >
      <div className="overflow-hidden rounded-md bg-slate-100 ring-1 ring-slate-200">
        {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-user API image */}
        <img
          src={`/api/v1/assets/${assetId}/pages/${page}`}
          alt={`${title}, page ${page}`}
          className="mx-auto block h-auto w-full max-w-3xl bg-white"
        />
      </div>
      {previewPages > 1 || totalPages > previewPages ? (
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <Button variant="secondary" onClick={() => go(page - 1)} disabled={page <= 1}>
            Previous page
          </Button>
          <span aria-live="polite">
            Page {page} of {totalPages}
            {totalPages > previewPages ? ` (first ${previewPages} shown here)` : ""}
          </span>
          <Button variant="secondary" onClick={() => go(page + 1)} disabled={page >= previewPages}>
            Next page
          </Button>
        </div>
      ) : null}
    </div>
  );
}
