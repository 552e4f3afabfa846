import "server-only";

/** Markup that is already safe to emit (built by `html`). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

type Part = SafeHtml | string | number | null | undefined | false | Part[];

function emit(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (Array.isArray(part)) return part.map(emit).join("");
  if (part instanceof SafeHtml) return part.value;
  return escapeHtml(String(part));
}

/** A template tag for the buyer's page: every interpolated value is escaped unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < parts.length ? emit(parts[i]!) : ""), ""));
}
