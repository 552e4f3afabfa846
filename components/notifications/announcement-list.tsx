import Link from "next/link";
import { formatDate } from "@/lib/format";

interface Announcement {
  id: string;
  title: string;
  fieldNote: string;
  authorName: string;
  createdAt: Date;
  assets: { id: string; title: string }[];
}

/** Marketing's recent announcements, each with its field note and the linked assets the viewer may open. */
export function AnnouncementList({ announcements }: { announcements: Announcement[] }) {
  return (
    <section aria-labelledby="announcements-heading" className="mb-8 space-y-3">
      <h2 id="announcements-heading" className="text-lg font-semibold text-slate-900">
        Announcements
      </h2>
      <ul className="space-y-3">
        {announcements.map((a) => (
          <li
            key={a.id}
            id={`announcement-${a.id}`}
            className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
          >
            <p className="text-xs text-slate-500">
              {a.authorName} · {formatDate(a.createdAt)}
            </p>
            <h3 className="mt-0.5 font-medium text-slate-900">{a.title}</h3>
            <p className="mt-1 whitespace-pre-line text-sm text-slate-700">
              <span className="font-medium">In the field: </span>
              {a.fieldNote}
            </p>
            {a.assets.length ? (
              <ul className="mt-2 flex flex-wrap gap-3 text-sm" aria-label={`Assets for ${a.title}`}>
                {a.assets.map((asset) => (
                  <li key={asset.id}>
                    <Link href={`/assets/${asset.id}`} className="text-brand-700 underline">
                      {asset.title}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
