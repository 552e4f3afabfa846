/** Markers ts_headline puts around matched words in a search snippet (stripped from the source text first). */
export const SNIPPET_START = "«";
export const SNIPPET_STOP = "»";

/** Splits a snippet into plain and matched runs, so the UI can render matches as <mark> without HTML. */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(SNIPPET_START);
    const stop = start < 0 ? -1 : rest.indexOf(SNIPPET_STOP, start + 1);
    if (start < 0 || stop < 0) {
      parts.push({ text: rest.replaceAll(SNIPPET_START, "").replaceAll(SNIPPET_STOP, ""), match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = rest.slice(stop + 1);
  }
  return parts.filter((p) => p.text.length > 0);
}
