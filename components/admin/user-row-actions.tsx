"use client";

import { Button } from "@/components/ui/button";
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
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        Role for {user.name}
      </label>
      <select
        id={`role-${user.id}`}
        className="rounded-md border-0 py-1 text-sm ring-1 ring-inset ring-slate-300"
        value={user.role}
        disabled={pending || isSelf}
        onChange={(e) => run({ role: e.target.value as Role })}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
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
        <Button
          variant={user.active ? "danger" : "secondary"}
          disabled={pending}
          onClick={() => run({ active: !user.active })}
          aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.name}`}
        >
          {user.active ? "Deactivate" : "Reactivate"}
        </Button>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </div>
  );
}
