"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { invitePartnerUserAction } from "@/server/partners/partner-actions";

export function InvitePartnerForm({ org }: { org: { id: string; name: string } }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const email = String(new FormData(form).get("email") ?? "");
    start(async () => {
      const result = await invitePartnerUserAction({ partnerOrgId: org.id, email });
      if (result.ok) {
        form.reset();
        setMessage({ ok: true, text: `Invitation sent to ${email}` });
        router.refresh();
      } else setMessage({ ok: false, text: result.fieldErrors?.email?.[0] ?? result.error });
    });
  }
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
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`w-full text-sm ${message.ok ? "text-emerald-700" : "text-red-600"}`}
        >
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
