"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { formatDate, formatDateTime } from "@/lib/format";
import type { RoomDetailDto } from "@/lib/schemas/rooms";
import { updateRoomAction } from "@/server/rooms/room-actions";
import { CopyLink } from "./copy-link";
import { RoomAssetPicker, type PickedAsset } from "./room-asset-picker";

const statusLabel = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;

const emailLabel = {
  outbox: "not sent: no mail server is set up (kept in the outbox)",
  queued: "queued",
  sent: "sent",
  failed: "could not be sent",
} as const;

/** One room: who opened what and when, and the rep's controls (new link, extend, revoke). */
function RoomItem({ room, editable }: { room: RoomDetailDto; editable: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const [url, setUrl] = useState<string>();
  const [content, setContent] = useState<PickedAsset[] | null>(null);
  const titles = new Map(room.assets.map((a) => [a.id, a.title]));
  const change = (patch: Parameters<typeof updateRoomAction>[0]["patch"]) =>
    start(async () => {
      const r = await updateRoomAction({ roomId: room.id, dealId: room.dealId, patch });
      if (!r.ok) return setError(r.error);
      if (r.data.url) setUrl(r.data.url);
      setContent(null);
      setError(undefined);
      router.refresh();
    });
  const live = room.status !== "revoked";
  return (
    <li className="space-y-2 py-3 text-sm" aria-label={`Room “${room.title}”`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium">{room.title}</span>
        <span className="text-xs text-slate-500">
          {statusLabel[room.status]} · {room.status === "revoked" ? "revoked" : "until"}{" "}
          {formatDate(room.status === "revoked" ? room.revokedAt : room.expiresAt)} · by {room.creatorName}
        </span>
      </div>
      <p className="text-slate-600">{room.assets.map((a) => a.title).join(" · ") || "No content left"}</p>
      <p>
        {room.engagement.visitors === 0
          ? "Not opened yet"
          : `Opened by ${room.engagement.visitors} ${room.engagement.visitors === 1 ? "visitor" : "visitors"}, last ${formatDateTime(room.engagement.lastOpenedAt ?? room.createdAt)}`}
        {room.engagement.filteredVisits > 0 ? (
          <span className="text-xs text-slate-500">
            {" "}
            ({room.engagement.filteredVisits} link scans ignored)
          </span>
        ) : null}
      </p>
      {room.emails.length ? (
        <ul className="space-y-0.5 text-xs text-slate-600" aria-label="Link e-mailed to">
          {room.emails.map((e) => (
            <li key={e.to} className="break-words">
              E-mailed to {e.to}: {emailLabel[e.status]}
              {e.sentAt ? ` ${formatDateTime(e.sentAt)}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {room.visitors.length ? (
        <ul className="space-y-1 rounded-md bg-slate-50 p-2" aria-label="Who opened what">
          {room.visitors.map((v, i) => (
            <li key={i}>
              <span className="font-medium">{v.label}</span>{" "}
              <span className="text-xs text-slate-500">
                {v.userAgent} · {formatDateTime(v.lastSeenAt)}
                {v.doNotTrack ? " · asked not to be tracked" : ""}
              </span>
              <ul className="ml-3 text-xs text-slate-700">
                {v.assets.map((a) => (
                  <li key={a.assetId}>
                    {titles.get(a.assetId)}:{" "}
                    {a.pageCount && a.pageCount > 1 ? `${a.pagesViewed} of ${a.pageCount} pages, ` : ""}
                    {Math.round(a.readSeconds / 60)} min{a.downloads ? `, downloaded ${a.downloads}×` : ""}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
      {url ? <CopyLink url={url} /> : null}
      <FormError message={error} />
      {editable && live && content ? (
        <div className="space-y-2 rounded-md p-2 ring-1 ring-slate-200">
          <RoomAssetPicker picked={content} onChange={setContent} />
          <div className="flex flex-wrap gap-2">
            <Button
              className="min-h-11"
              disabled={pending || content.length === 0}
              onClick={() => change({ assetIds: content.map((a) => a.id) })}
            >
              Save content
            </Button>
            <Button variant="ghost" className="min-h-11" onClick={() => setContent(null)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
      {editable && live ? (
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            className="min-h-11"
            disabled={pending || content !== null}
            onClick={() => setContent(room.assets.map((a) => ({ id: a.id, title: a.title })))}
          >
            Change content
          </Button>
          <Button
            variant="secondary"
            className="min-h-11"
            disabled={pending}
            onClick={() => change({ newLink: true })}
          >
            New link
          </Button>
          <Button
            variant="secondary"
            className="min-h-11"
            disabled={pending}
            onClick={() =>
              change({
                expiresAt: new Date(Math.max(Date.now(), Date.parse(room.expiresAt)) + 30 * 86_400_000),
              })
            }
          >
            Extend 30 days
          </Button>
          <Button
            variant="danger"
            className="min-h-11"
            disabled={pending}
            onClick={() => {
              if (window.confirm(`Revoke “${room.title}”? The link stops working at once.`))
                change({ revoke: true });
            }}
          >
            Revoke
          </Button>
        </div>
      ) : null}
    </li>
  );
}

export function RoomList({ rooms, editable }: { rooms: RoomDetailDto[]; editable: boolean }) {
  if (rooms.length === 0) return <p className="text-sm text-slate-500">Nothing shared with the buyer yet.</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="Buyer rooms">
      {rooms.map((r) => (
        <RoomItem key={r.id} room={r} editable={editable} />
      ))}
    </ul>
  );
}
