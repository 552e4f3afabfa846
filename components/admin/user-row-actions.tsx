"use client";

import { ActiveToggleButton } from "@/components/ui/active-toggle-button";
import { RowSelect, InlineError } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { roleLabels, roles, type Role } from "@/lib/roles";
import { updateUserAction } from "@/server/users/user-actions";

export function UserRowActions({
  user,
  isSelf,
}: {
  user: { id: string; name: string; role: Role; active: boolean; channelManager: boolean };
  isSelf: boolean;
}) {
  const { run: runAction, pending, error } = useServerAction();
  const run = (patch: { role?: Role; active?: boolean; channelManager?: boolean }) =>
    runAction(() => updateUserAction({ userId: user.id, ...patch }));
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <RowSelect
        id={`role-${user.id}`}
        label={`Role for ${user.name}`}
        value={user.role}
        disabled={pending || isSelf}
        onChange={(e) => run({ role: e.target.value as Role })}
        options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
      />
      {user.role === "marketer" ? (
        <label className="flex items-center gap-1 text-xs text-slate-700">
          <input
            type="checkbox"
            checked={user.channelManager}
            disabled={pending}
            onChange={(e) => run({ channelManager: e.target.checked })}
          />
          Channel manager
        </label>
      ) : null}
      {!isSelf ? (
        <ActiveToggleButton
          active={user.active}
          name={user.name}
          disabled={pending}
          onToggle={() => run({ active: !user.active })}
        />
      ) : null}
      <InlineError message={error} />
    </div>
  );
}
