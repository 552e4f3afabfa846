"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, FormSuccess, Select } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
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
  const { run, pending, error } = useServerAction();
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const heard = new Set(data.getAll("hear").map(String));
    setSaved(false);
    run(
      () =>
        saveNotificationSettingsAction({
          digest: String(data.get("digest")) as DigestFrequency,
          mutedKinds: notificationKinds.filter((k) => !heard.has(k)),
        }),
      { refresh: false, onSuccess: () => setSaved(true) },
    );
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
        <FormSuccess message={saved ? "Saved" : null} />
        <FormError message={error} />
      </div>
    </form>
  );
}
