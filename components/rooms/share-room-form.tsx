"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, TextArea, TextInput } from "@/components/ui/field";
import { assetTypeLabels } from "@/lib/assets";
import { createRoomAction } from "@/server/rooms/room-actions";
import { CopyLink } from "./copy-link";
import { useAssetSearch } from "@/components/assets/use-asset-search";

interface Pick {
  id: string;
  title: string;
}

/**
 * Share content with the buyer: pick assets (in the order the buyer sees them), a title and message, and
 * the room's settings. The link is shown once when the room is made.
 */
export function ShareRoomForm({ dealId, accountName }: { dealId: string; accountName: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [picked, setPicked] = useState<Pick[]>([]);
  const [title, setTitle] = useState(`For ${accountName}`);
  const [message, setMessage] = useState("");
  const [days, setDays] = useState(30);
  const [allowDownload, setAllowDownload] = useState(true);
  const [emailGate, setEmailGate] = useState(false);
  const [allowedDomain, setAllowedDomain] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [url, setUrl] = useState<string>();
  const [pending, start] = useTransition();
  const results = useAssetSearch(q, open);

  if (!open) {
    return (
      <div className="space-y-3">
        {url ? <CopyLink url={url} /> : null}
        <Button className="min-h-11" onClick={() => setOpen(true)}>
          Share with buyer
        </Button>
      </div>
    );
  }
  const pickedIds = new Set(picked.map((p) => p.id));
  const submit = () =>
    start(async () => {
      const r = await createRoomAction({
        dealId,
        room: {
          title,
          message,
          assetIds: picked.map((p) => p.id),
          expiresAt: new Date(Date.now() + days * 86_400_000),
          allowDownload,
          emailGate,
          allowedDomain: allowedDomain.trim() || null,
          password: password || null,
        },
      });
      if (!r.ok) {
        setError(r.error);
        setFieldErrors(r.fieldErrors ?? {});
        return;
      }
      setUrl(r.data.url);
      setOpen(false);
      setPicked([]);
      setError(undefined);
      setFieldErrors({});
      router.refresh();
    });
  const fe = (key: string) => fieldErrors[`room.${key}`]?.[0] ?? fieldErrors[key]?.[0];

  return (
    <form
      className="space-y-3"
      aria-label="Share with buyer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field id="room-title" label="Title" error={fe("title")}>
        <TextInput id="room-title" value={title} onChange={(e) => setTitle(e.target.value)} required />
      </Field>
      <Field id="room-message" label="Message to the buyer" error={fe("message")}>
        <TextArea id="room-message" value={message} onChange={(e) => setMessage(e.target.value)} />
      </Field>
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-700">Content ({picked.length} chosen)</p>
        {picked.length ? (
          <ol className="space-y-1 text-sm" aria-label="Chosen content">
            {picked.map((p, i) => (
              <li key={p.id} className="flex items-center justify-between gap-2">
                <span>
                  {i + 1}. {p.title}
                </span>
                <Button
                  variant="ghost"
                  className="min-h-11"
                  aria-label={`Remove “${p.title}”`}
                  onClick={() => setPicked((x) => x.filter((y) => y.id !== p.id))}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ol>
        ) : null}
        <FormError message={fe("assetIds")} />
        <label htmlFor="room-asset-search" className="sr-only">
          Search content to share
        </label>
        <TextInput
          id="room-asset-search"
          placeholder="Search content by title…"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <ul aria-label="Content to share" className="max-h-60 divide-y divide-slate-100 overflow-y-auto">
          {(results.data ?? []).map((a) => (
            <li key={a.id} className="flex items-center justify-between gap-2 py-1 text-sm">
              <span>
                {a.title} <span className="text-xs text-slate-500">· {assetTypeLabels[a.type]}</span>
              </span>
              {pickedIds.has(a.id) ? (
                <span className="text-xs text-emerald-700">Chosen</span>
              ) : (
                <Button
                  variant="ghost"
                  className="min-h-11"
                  aria-label={`Choose “${a.title}”`}
                  onClick={() => setPicked((x) => [...x, { id: a.id, title: a.title }])}
                >
                  Choose
                </Button>
              )}
            </li>
          ))}
        </ul>
      </div>
      <Field id="room-days" label="Link works for (days)" error={fe("expiresAt")}>
        <TextInput
          id="room-days"
          type="number"
          min={1}
          max={365}
          value={days}
          onChange={(e) => setDays(Number(e.target.value))}
        />
      </Field>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" checked={allowDownload} onChange={(e) => setAllowDownload(e.target.checked)} />
        Allow downloads
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" checked={emailGate} onChange={(e) => setEmailGate(e.target.checked)} />
        Ask for the visitor&apos;s email first
      </label>
      {emailGate ? (
        <Field id="room-domain" label="Only addresses at this domain (optional)" error={fe("allowedDomain")}>
          <TextInput
            id="room-domain"
            placeholder="example.com"
            value={allowedDomain}
            onChange={(e) => setAllowedDomain(e.target.value)}
          />
        </Field>
      ) : null}
      <Field id="room-password" label="Password (optional)" error={fe("password")}>
        <TextInput
          id="room-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" className="min-h-11" disabled={pending || picked.length === 0}>
          Create link
        </Button>
        <Button variant="ghost" className="min-h-11" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
