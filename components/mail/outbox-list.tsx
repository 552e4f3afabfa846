import type { EmailStatus } from "@/lib/mail";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";

interface OutboxEmail {
  id: string;
  toAddress: string;
  kind: string;
  subject: string;
  textBody: string;
  status: EmailStatus;
  lastError: string | null;
  createdAt: Date;
}

const statusTone: Record<OutboxEmail["status"], BadgeTone> = {
  outbox: "slate",
  queued: "amber",
  sent: "green",
  failed: "red",
};

const statusLabel: Record<OutboxEmail["status"], string> = {
  outbox: "In outbox",
  queued: "Sending",
  sent: "Sent",
  failed: "Failed",
};

const linkPattern = /(https?:\/\/[^\s]+)/g;

/** Plain-text bodies with their links made clickable, so an invitation can be followed from here. */
function BodyText({ text }: { text: string }) {
  return (
    <pre className="mt-3 whitespace-pre-wrap rounded bg-slate-50 p-3 font-sans text-sm text-slate-700">
      {text.split(linkPattern).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="text-brand-700 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export function OutboxList({ emails }: { emails: OutboxEmail[] }) {
  if (emails.length === 0)
    return (
      <EmptyState title="No mail yet">
        Invitations, notifications and digests appear here as soon as Baton writes them.
      </EmptyState>
    );
  return (
    <ul className="space-y-2" aria-label="Outgoing mail">
      {emails.map((email) => (
        <li key={email.id} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <details className="group px-4 py-3">
            <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <span className="font-medium text-slate-900">{email.subject}</span>
              <span className="text-slate-500">to {email.toAddress}</span>
              <Badge tone={statusTone[email.status]}>{statusLabel[email.status]}</Badge>
              <span className="ml-auto text-xs text-slate-500">
                {email.kind} · {formatDateTime(email.createdAt)}
              </span>
            </summary>
            {email.lastError ? (
              <p className="mt-2 text-sm text-red-700">Last delivery error: {email.lastError}</p>
            ) : null}
            <BodyText text={email.textBody} />
          </details>
        </li>
      ))}
    </ul>
  );
}
