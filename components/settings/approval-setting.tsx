"use client";

import { setSecondApprovalAction } from "@/server/workspaces/workspace-actions";
import { FormError } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";

/** The workspace's "a second person approves before anything is published" switch. */
export function ApprovalSetting({ required }: { required: boolean }) {
  const { run, pending, error } = useServerAction();
  return (
    <div className="space-y-2">
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-1"
          checked={required}
          disabled={pending}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            run(() => setSecondApprovalAction({ required: next }));
          }}
        />
        <span>
          <span className="font-medium text-slate-900">
            Require a second person&apos;s approval to publish
          </span>
          <span className="block text-slate-600">
            Assets go draft → in review → published, and whoever sent an asset for review cannot publish it
            themselves. Uploads cannot be published directly.
          </span>
        </span>
      </label>
      <FormError message={error} />
    </div>
  );
}
