"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { formatDate } from "@/lib/format";
import { createTokenAction, revokeTokenAction } from "@/server/tokens/token-actions";

export function TokenManager({
  tokens,
}: {
  tokens: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }[];
}) {
  const create = useServerAction();
  const revoke = useServerAction();
  const [secret, setSecret] = useState<string>();
  const error = create.fieldErrors.name?.[0] ?? create.error;

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    create.run(() => createTokenAction({ name }), {
      onSuccess: (data) => {
        setSecret(data.secret);
        form.reset();
      },
    });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onCreate} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="w-72">
          <Field id="token-name" label="Token name" error={error} hint="e.g. Salesforce sync">
            <TextInput id="token-name" name="name" invalid={Boolean(error)} />
          </Field>
        </div>
        <Button type="submit" disabled={create.pending}>
          Create token
        </Button>
      </form>
      {secret ? (
        <div
          role="status"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          <p className="font-medium">Copy this token now. It will not be shown again.</p>
          <code className="mt-1 block break-all font-mono" data-testid="new-token">
            {secret}
          </code>
        </div>
      ) : null}
      <FormError message={revoke.error} />
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">
          No API tokens yet. Create one to let another system call Baton’s API as you.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="API tokens">
          {tokens.map((t) => (
            <li key={t.id} className="flex items-center justify-between py-2">
              <span>
                <span className="font-medium">{t.name}</span>{" "}
                <code className="text-slate-500">{t.prefix}…</code>
                <span className="block text-xs text-slate-500">
                  Created {formatDate(t.createdAt)} · last used {formatDate(t.lastUsedAt)}
                </span>
              </span>
              <Button
                variant="danger"
                disabled={revoke.pending}
                aria-label={`Revoke ${t.name}`}
                onClick={() => revoke.run(() => revokeTokenAction({ tokenId: t.id }))}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
