"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select, TextArea, TextField } from "@/components/ui/field";
import { createRoomAction } from "@/server/rooms/room-actions";
import { RoomAssetPicker, type PickedAsset } from "./room-asset-picker";

/** Addresses typed into one field, separated by commas, semicolons or spaces. */
const addresses = (text: string) => text.split(/[\s,;]+/).filter(Boolean);
/** How a field of such addresses is typed: an email keyboard, no autofill, an example to follow. */
const addressesInput = {
  inputMode: "email",
  autoComplete: "off",
  placeholder: "ann@buyer.example, bo@buyer.example",
} as const;

export type DealChoice = { id: string; name: string; accountName: string; stageName: string };

/**
 * Where the room goes: a known deal (the deal page), or one of the actor's own deals chosen in the form
 * (an asset page, which starts the room with that asset).
 */
export type ShareTarget = { dealId: string; accountName: string } | { deals: DealChoice[] };

/**
 * The share form itself: pick assets (in the order the buyer sees them), a title and message, and the
 * room's settings. Loaded only when the rep opens it (ShareRoomForm), so the pages that offer sharing do
 * not ship it up front.
 */
export function ShareRoomFields({
  target,
  initialAssets = [],
  onCreated,
  onCancel,
}: {
  target: ShareTarget;
  initialAssets?: PickedAsset[];
  onCreated: (made: { url: string; dealId: string }) => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const choices = "deals" in target ? target.deals : null;
  const [dealId, setDealId] = useState("dealId" in target ? target.dealId : "");
  const [picked, setPicked] = useState<PickedAsset[]>(initialAssets);
  const [title, setTitle] = useState("dealId" in target ? `For ${target.accountName}` : "");
  const [message, setMessage] = useState("");
  const [days, setDays] = useState(30);
  const [allowDownload, setAllowDownload] = useState(true);
  const [emailGate, setEmailGate] = useState(false);
  const [allowedDomain, setAllowedDomain] = useState("");
  const [allowedEmails, setAllowedEmails] = useState("");
  const [password, setPassword] = useState("");
  const [sendTo, setSendTo] = useState("");
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();

  const chooseDeal = (id: string) => {
    const deal = choices?.find((d) => d.id === id);
    // The title follows the deal until the rep writes their own.
    const before = choices?.find((d) => d.id === dealId);
    if (deal && (!title || title === `For ${before?.accountName}`)) setTitle(`For ${deal.accountName}`);
    setDealId(id);
  };
  const submit = () =>
    start(async () => {
      if (!dealId) {
        setFieldErrors({ dealId: ["Choose a deal"] });
        return;
      }
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
          allowedEmails: emailGate ? addresses(allowedEmails) : [],
          password: password || null,
          sendTo: addresses(sendTo),
        },
      });
      if (!r.ok) {
        setError(r.error);
        setFieldErrors(r.fieldErrors ?? {});
        return;
      }
      onCreated({ url: r.data.url, dealId });
      router.refresh();
    });
  const fe = (key: string) =>
    Object.entries(fieldErrors).find(
      ([k]) => k === key || k === `room.${key}` || k.startsWith(`room.${key}.`),
    )?.[1][0];

  return (
    <form
      className="space-y-3"
      aria-label="Share with buyer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {choices ? (
        <Field id="room-deal" label="Deal" error={fe("dealId")} hint="Your open deals, most recent first">
          <Select id="room-deal" value={dealId} onChange={(e) => chooseDeal(e.target.value)} required>
            <option value="">Choose a deal…</option>
            {choices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} · {d.accountName} · {d.stageName}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <TextField
        id="room-title"
        label="Title"
        error={fe("title")}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
      />
      <Field id="room-message" label="Message to the buyer" error={fe("message")}>
        <TextArea id="room-message" value={message} onChange={(e) => setMessage(e.target.value)} />
      </Field>
      <RoomAssetPicker picked={picked} onChange={setPicked} error={fe("assetIds")} />
      <TextField
        id="room-days"
        label="Link works for (days)"
        error={fe("expiresAt")}
        type="number"
        min={1}
        max={365}
        value={days}
        onChange={(e) => setDays(Number(e.target.value))}
      />
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" checked={allowDownload} onChange={(e) => setAllowDownload(e.target.checked)} />
        Allow downloads
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" checked={emailGate} onChange={(e) => setEmailGate(e.target.checked)} />
        Ask for the visitor&apos;s email first
      </label>
      {emailGate ? (
        <TextField
          id="room-allowed-emails"
          label="Only these addresses (optional)"
          error={fe("allowedEmails")}
          hint="Separate addresses with commas. With a domain below too, either lets a visitor in."
          {...addressesInput}
          value={allowedEmails}
          onChange={(e) => setAllowedEmails(e.target.value)}
        />
      ) : null}
      {emailGate ? (
        <TextField
          id="room-domain"
          label="Only addresses at this domain (optional)"
          error={fe("allowedDomain")}
          placeholder="example.com"
          value={allowedDomain}
          onChange={(e) => setAllowedDomain(e.target.value)}
        />
      ) : null}
      <TextField
        id="room-password"
        label="Password (optional)"
        error={fe("password")}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <TextField
        id="room-send-to"
        label="E-mail the link to (optional)"
        error={fe("sendTo")}
        hint="Baton sends the link to these addresses. Leave empty to copy the link and send it yourself."
        type="text"
        {...addressesInput}
        value={sendTo}
        onChange={(e) => setSendTo(e.target.value)}
      />
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" className="min-h-11" disabled={pending || picked.length === 0}>
          Create link
        </Button>
        <Button variant="ghost" className="min-h-11" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
