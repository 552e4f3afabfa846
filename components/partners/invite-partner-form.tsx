"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError, FormSuccess, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { invitePartnerUserAction } from "@/server/partners/partner-actions";

export function InvitePartnerForm({ org }: { org: { id: string; name: string } }) {
  const { run, pending, error, fieldErrors } = useServerAction();
  const [sentTo, setSentTo] = useState<string>();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const email = String(new FormData(form).get("email") ?? "");
    setSentTo(undefined);
    run(() => invitePartnerUserAction({ partnerOrgId: org.id, email }), {
      onSuccess: () => {
        form.reset();
        setSentTo(email);
      },
    });
  }
  const failure = fieldErrors.email?.[0] ?? error;
  const inputId = `invite-${org.id}`;
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
      <div className="min-w-64 flex-1 space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
          Invite to {org.name} by email
        </label>
        <TextInput id={inputId} name="email" type="email" autoComplete="off" required />
      </div>
      <Button type="submit" disabled={pending}>
        Send invitation
      </Button>
      <FormSuccess message={sentTo && !failure ? `Invitation sent to ${sentTo}` : null} className="w-full" />
      <FormError message={failure} className="w-full" />
    </form>
  );
}
