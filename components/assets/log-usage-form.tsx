"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { usageKindLabels, usageKinds } from "@/lib/assets";
import { logUsageAction } from "@/server/assets/asset-actions";

/** "Used this in a deal": pick one of my open deals (most recent first) and confirm. */
export function LogUsageForm({
  assetId,
  deals,
}: {
  assetId: string;
  deals: { id: string; name: string; accountName: string; stageName: string }[];
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [key, setKey] = useState(() => crypto.randomUUID());

  if (deals.length === 0) {
    return <p className="text-sm text-slate-500">You have no open deals to log this against.</p>;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    start(async () => {
      const result = await logUsageAction({
        assetId,
        dealId: String(data.get("dealId")),
        kind: String(data.get("kind")) as (typeof usageKinds)[number],
        idempotencyKey: key,
      });
      if (result.ok) {
        setMessage({ ok: true, text: "Logged. Thanks — this tells marketing what helps." });
        setKey(crypto.randomUUID());
        router.refresh();
      } else setMessage({ ok: false, text: result.error });
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <Field id="usage-deal" label="Deal">
        <Select id="usage-deal" name="dealId">
          {deals.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} · {d.stageName}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="usage-kind" label="How you used it">
        <Select id="usage-kind" name="kind" defaultValue="sent">
          {usageKinds.map((k) => (
            <option key={k} value={k}>
              {usageKindLabels[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={pending}>
        Log usage
      </Button>
      {message ? (
        <p role="status" className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-600"}`}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
