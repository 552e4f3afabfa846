import { snippetParts } from "@/lib/search-snippet";

/** A search snippet with the matched words in <mark>; the snippet is plain text, never HTML. */
export function HighlightedSnippet({ snippet }: { snippet: string }) {
  return (
    <p className="mt-1 line-clamp-2 text-sm text-slate-600">
      {snippetParts(snippet).map((part, i) =>
        part.match ? (
          <mark key={i} className="rounded bg-amber-100 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
