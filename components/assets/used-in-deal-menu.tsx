"use client";

import Link from "next/link";
import { useState } from "react";
import { RateAssetForm, type MyRating } from "@/components/feedback/rate-asset-form";
import { Button, buttonClass } from "@/components/ui/button";
import { logUsageAction } from "@/server/usage/usage-actions";
import { FormError } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";

type Deal = { id: string; name: string; stageName: string };

/**
 * Logging usage in two clicks: "Used this in a deal", then one of my open deals (most recent first).
 * With `afterDownload` the deal list opens as soon as the file is downloaded. With `rating`, logging a
 * usage asks right away whether the asset helped.
 */
export function UsedInDealMenu({
  assetId,
  deals,
  downloadHref,
  rating,
}: {
  assetId: string;
  deals: Deal[];
  downloadHref?: string;
  rating?: { mine: MyRating | null };
}) {
  const [open, setOpen] = useState(false);
  const { run, pending, error } = useServerAction();
  const [logged, setLogged] = useState<Deal | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());

  const log = (deal: Deal) =>
    run(() => logUsageAction({ assetId, dealId: deal.id, kind: "sent", idempotencyKey: key }), {
      onSuccess: () => {
        setLogged(deal);
        setOpen(false);
        setKey(crypto.randomUUID());
      },
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {downloadHref ? (
          <a
            href={downloadHref}
            className={buttonClass("secondary")}
            onClick={() => deals.length && setOpen(true)}
          >
            Download
          </a>
        ) : null}
        {deals.length ? (
          <Button onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={`deals-${assetId}`}>
            Used this in a deal
          </Button>
        ) : null}
      </div>
      {open ? (
        <div id={`deals-${assetId}`} className="rounded-md ring-1 ring-slate-200">
          <p className="border-b border-slate-100 px-3 py-2 text-xs text-slate-500">
            Which deal? (your open deals, most recent first)
          </p>
          <ul aria-label="Your open deals" className="max-h-64 overflow-y-auto">
            {deals.map((d) => (
              <li key={d.id}>
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => log(d)}
                  className="w-full px-3 py-2 text-left text-sm hover:bg-brand-50 focus-visible:bg-brand-50"
                >
                  {d.name} <span className="text-xs text-slate-500">· {d.stageName}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {logged ? (
        <p role="status" className="text-sm text-emerald-700">
          Logged as sent in{" "}
          <Link href={`/deals/${logged.id}`} className="underline">
            {logged.name}
          </Link>
          . Change the details on the deal.
        </p>
      ) : null}
      {logged && rating ? (
        <RateAssetForm assetId={assetId} myRating={rating.mine} prompt="Did this asset help in the deal?" />
      ) : null}
      <FormError message={error} />
    </div>
  );
}
