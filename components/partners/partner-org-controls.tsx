"use client";

import { ActiveToggleButton } from "@/components/ui/active-toggle-button";
import { RowSelect, choicesOf, InlineError } from "@/components/ui/field";
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
      <RowSelect
        id={`tier-${org.id}`}
        label={`Tier of ${org.name}`}
        value={org.tierId}
        disabled={pending}
        onChange={(e) => run({ tierId: e.target.value })}
        options={choicesOf(tiers)}
      />
      <ActiveToggleButton
        active={org.active}
        name={org.name}
        disabled={pending}
        onToggle={() => run({ active: !org.active })}
      />
      <InlineError message={error} />
    </div>
  );
}
