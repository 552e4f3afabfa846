"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import {
  digestFrequencies,
  digestFrequencyLabels,
  notificationKindLabels,
  notificationKinds,
  type DigestFrequency,
  type NotificationKind,
} from "@/lib/notifications";
import { saveNotificationSettingsAction } from "@/server/notifications/notification-actions";

/** Email digest frequency and the kinds a person does not want to hear about at all. */
export function PreferencesForm({
  digest,
  mutedKinds,
}: {
  digest: DigestFrequency;
  mutedKinds: NotificationKind[];
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const heard = new Set(data.getAll("hear").map(String));
    start(async () => {
      const r = await saveNotificationSettingsAction({
        digest: String(data.get("digest")) as DigestFrequency,
        mutedKinds: notificationKinds.filter((k) => !heard.has(k)),
      });
      setMessage(r.ok ? { ok: true, text: "Saved" } : { ok: false, text: r.error });
    });
  }

  return (
    <form onSubmit={onSubmit} aria-label="Notification preferences" className="space-y-4">
      <Field
        id="digest"
        label="Email"
        hint="One email with everything unread since the last one; never one per update."
      >
        <Select
          id="digest"
          name="digest"
          defaultValue={digest}
          options={digestFrequencies.map((f) => ({ value: f, label: digestFrequencyLabels[f] }))}
        />
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Tell me about (untick to mute)</legend>
        <div className="mt-1 space-y-1">
          {notificationKinds.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="hear" value={k} defaultChecked={!mutedKinds.includes(k)} />
              {notificationKindLabels[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          Save preferences
        </Button>
        {message ? (
          <span
            role={message.ok ? "status" : "alert"}
            className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-600"}`}
          >
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
