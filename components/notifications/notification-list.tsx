"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { CardList } from "@/components/ui/card-list";
import { formatDateTime } from "@/lib/format";
import { notificationKindLabels, type NotificationKind } from "@/lib/notifications";
import { markNotificationsReadAction } from "@/server/notifications/notification-actions";
import { FormError } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  readAt: string | null;
  createdAt: string;
}

/** The notification centre's list: open an entry (marks it read), mark one or all read. */
export function NotificationList({ items }: { items: NotificationItem[] }) {
  const router = useRouter();
  const { run, pending, error } = useServerAction();
  const unread = items.filter((i) => !i.readAt).length;

  const markRead = (ids?: string[], then?: string) =>
    run(() => markNotificationsReadAction(ids ? { ids } : {}), {
      refresh: !then,
      onSuccess: () => {
        if (then) router.push(then);
      },
    });

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <p className="text-sm text-slate-600" aria-live="polite">
          {unread === 0 ? "All read" : `${unread} unread`}
        </p>
        <Button variant="secondary" disabled={pending || unread === 0} onClick={() => markRead()}>
          Mark all read
        </Button>
      </div>
      <FormError message={error} />
      <CardList label="Notifications">
        {items.map((n) => (
          <li
            key={n.id}
            className={`flex items-start justify-between gap-4 p-4 ${n.readAt ? "" : "bg-brand-50/40"}`}
            aria-label={`${n.readAt ? "" : "Unread: "}${n.title}`}
          >
            <div className="min-w-0">
              <p className="text-xs text-slate-500">
                {notificationKindLabels[n.kind]} · {formatDateTime(n.createdAt)}
              </p>
              <Link
                href={n.link}
                className={`mt-0.5 block text-sm text-slate-900 hover:underline ${n.readAt ? "" : "font-semibold"}`}
                onClick={(e) => {
                  if (n.readAt) return;
                  e.preventDefault();
                  markRead([n.id], n.link);
                }}
              >
                {n.title}
              </Link>
              {n.body ? <p className="mt-1 text-sm text-slate-600">{n.body}</p> : null}
            </div>
            {n.readAt ? null : (
              <Button
                variant="ghost"
                className="shrink-0 text-xs"
                disabled={pending}
                aria-label={`Mark read: ${n.title}`}
                onClick={() => markRead([n.id])}
              >
                Mark read
              </Button>
            )}
          </li>
        ))}
      </CardList>
    </div>
  );
}
