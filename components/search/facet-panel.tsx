import Link from "next/link";
import { searchHref, toggledHref, valuesOf, type SearchQuery } from "@/lib/search-url";

export interface FacetGroup {
  param: string;
  title: string;
  /** One value at a time (freshness windows), rather than any of several. */
  single?: boolean;
  /** null: too many matches to count (more than 1,000 without this facet's own selection). */
  values: { value: string; label: string; count: number | null }[];
}

/**
 * Facet filters as links that add or remove one value in the URL, each with how many results it would
 * give. A value with no results stays visible when it is selected, so it can be cleared. Above 1,000
 * matches the counts are left out, and the panel says how to get them back.
 */
export function FacetPanel({ query, groups }: { query: SearchQuery; groups: FacetGroup[] }) {
  const uncounted = groups.some((g) => g.values.some((v) => v.count === null));
  return (
    <nav aria-label="Filters" className="space-y-5">
      {uncounted ? (
        <p className="text-xs text-slate-500" data-testid="facets-uncounted">
          Over 1,000 matches, so filters show no counts yet. Add a word or pick a filter to narrow the
          results.
        </p>
      ) : null}
      {groups.map((group) => {
        const selected = valuesOf(query, group.param);
        const values = group.values.filter(
          (v) => v.count === null || v.count > 0 || selected.includes(v.value),
        );
        if (values.length === 0) return null;
        return (
          <section key={group.param} aria-labelledby={`facet-${group.param}`}>
            <h2
              id={`facet-${group.param}`}
              className="text-xs font-semibold uppercase tracking-wide text-slate-500"
            >
              {group.title}
            </h2>
            <ul className="mt-2 space-y-1" aria-label={group.title}>
              {values.map((v) => {
                const on = selected.includes(v.value);
                return (
                  <li key={v.value}>
                    <Link
                      href={
                        group.single
                          ? searchHref(query, { [group.param]: on ? undefined : v.value })
                          : toggledHref(query, group.param, v.value)
                      }
                      role="checkbox"
                      aria-checked={on}
                      className={`flex min-h-11 items-center justify-between gap-2 rounded px-2 py-1 text-sm hover:bg-slate-100 lg:min-h-0 ${on ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700"}`}
                    >
                      <span className="flex items-center gap-2">
                        <span
                          aria-hidden
                          className={`inline-block h-3.5 w-3.5 rounded border ${on ? "border-brand-600 bg-brand-600" : "border-slate-400"}`}
                        />
                        {v.label}
                      </span>
                      <span className="text-xs tabular-nums text-slate-500" data-testid="facet-count">
                        {v.count}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
