"use client";

import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/ui/use-server-action";
import { updatePartnerOrgAction } from "@/server/partners/partner-actions";

/** Tier and active state of one partner org; deactivating signs its people out at once. */
export function PartnerOrgControls({
  org,
  tiers,
}: {
  org: { id: string; name: string; tierId: string; active: boolean };
  tiers: { id: string; name: string }[];
}) {
  const { run: runAction, pending, error } = useServerAction();
  const run = (patch: { tierId?: string; active?: boolean }) =>
    runAction(() => updatePartnerOrgAction({ id: org.id, patch }));
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`tier-${org.id}`}>
        Tier of {org.name}
      </label>
      <select
        id={`tier-${org.id}`}
        className="rounded-md border-0 py-1 text-sm ring-1 ring-inset ring-slate-300"
        value={org.tierId}
        disabled={pending}
        onChange={(e) => run({ tierId: e.target.value })}
      >
        {tiers.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <Button
        variant={org.active ? "danger" : "secondary"}
        disabled={pending}
        onClick={() => run({ active: !org.active })}
        aria-label={`${org.active ? "Deactivate" : "Reactivate"} ${org.name}`}
      >
        {org.active ? "Deactivate" : "Reactivate"}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </div>
  );
}
