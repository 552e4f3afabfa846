import { totalLabel } from "@/lib/search-total";
import Link from "next/link";
import { FacetDrawer } from "@/components/search/facet-drawer";
import { FacetPanel, type FacetGroup } from "@/components/search/facet-panel";
import { SearchResults } from "@/components/search/search-results";
import { SortSelect } from "@/components/search/sort-select";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { TextInput } from "@/components/ui/field";
import { AppError } from "@/lib/errors";
import { assetSearchQuerySchema, recordedFilters, searchSorts } from "@/lib/schemas/search";
import { listParams, searchHref, type SearchQuery } from "@/lib/search-url";
import { requirePage } from "@/server/auth/require-page";
import { actorCan } from "@/server/authz/permissions";
import { searchAssets } from "@/server/search/search-assets";
import { listStages } from "@/server/workspaces/stage-queries";

export const metadata = { title: "Search" };

/** "Request this content": the request form, pre-filled with this search's words and filters. */
function requestHref(query: SearchQuery): string {
  const params = new URLSearchParams();
  for (const key of ["q", "stageIds", "industryIds", "competitorIds"] as const) {
    if (query[key]) params.set(key, query[key]);
  }
  return `/requests/new?${params}`;
}

/** A cursor that is not this search's (edited, or from another search) shows the first page instead. */
async function searchOrFirstPage(...[db, actor, input, options]: Parameters<typeof searchAssets>) {
  try {
    return { result: await searchAssets(db, actor, input, options), cursorDropped: false };
  } catch (error) {
    if (!(error instanceof AppError) || !error.fieldErrors?.cursor) throw error;
    return {
      result: await searchAssets(db, actor, { ...input, cursor: undefined }, options),
      cursorDropped: true,
    };
  }
}

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, db } = await requirePage("assets.read");
  const raw = await searchParams;
  const query: SearchQuery = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const parsed = assetSearchQuerySchema.safeParse(query);
  // A mangled link still searches for its words rather than failing.
  const input = parsed.success ? parsed.data : assetSearchQuerySchema.parse({ q: query.q?.slice(0, 200) });
  const filtered =
    Boolean(input.q) || listParams.some((p) => input[p].length > 0) || Boolean(input.freshness);
  const record =
    filtered && !input.cursor
      ? {
          query: input.q ?? "",
          filters: recordedFilters(input),
        }
      : undefined;
  const [{ result, cursorDropped }, stages] = await Promise.all([
    searchOrFirstPage(db, actor, input, { facets: true, record, suggest: true }),
    listStages(db, actor.workspaceId),
  ]);
  const facets = result.facets!;
  const searchId = result.searchId;
  const suggestions = result.suggestions;

  const total = totalLabel(result.total, result.totalExact);
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const groups: FacetGroup[] = [
    { param: "stageIds", title: "Buying stage", values: facets.stage },
    { param: "types", title: "Type", values: facets.type },
    { param: "productIds", title: "Product", values: facets.product },
    { param: "industryIds", title: "Industry", values: facets.industry },
    { param: "personaIds", title: "Persona", values: facets.persona },
    { param: "regionIds", title: "Region", values: facets.region },
    { param: "competitorIds", title: "Competitor", values: facets.competitor },
    { param: "ownerIds", title: "Owner", values: facets.owner },
    { param: "freshness", title: "Freshness", single: true, values: facets.freshness },
  ];
  const selectedFilters = listParams.reduce((n, p) => n + input[p].length, 0) + (input.freshness ? 1 : 0);
  const sortHrefs = Object.fromEntries(searchSorts.map((s) => [s, searchHref(query, { sort: s })]));

  return (
    <>
      <PageHeader
        title="Search"
        description={
          input.q
            ? `${total} ${result.total === 1 && result.totalExact ? "asset matches" : "assets match"} “${input.q}”`
            : `${total} ${result.total === 1 && result.totalExact ? "asset" : "assets"}`
        }
      />
      <form action="/search" role="search" aria-label="Search assets" className="mb-6 flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          Search words
        </label>
        <TextInput
          id="search-q"
          name="q"
          type="search"
          defaultValue={input.q ?? ""}
          placeholder="Find a case study, battlecard, talk track…"
        />
        {Object.entries(query)
          .filter(([k, v]) => v && k !== "q" && k !== "cursor" && k !== "from")
          .map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
        <button type="submit" className={buttonClass("primary")}>
          Search
        </button>
      </form>
      {!parsed.success || cursorDropped ? (
        <p role="status" className="mb-4 text-sm text-amber-800">
          Some filters in this link were not understood and were left out.
        </p>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
        <div className="hidden lg:block">
          <FacetPanel query={query} groups={groups} />
        </div>
        <div className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
            <p className="text-sm text-slate-600" aria-live="polite" data-testid="result-count">
              {total} {result.total === 1 && result.totalExact ? "result" : "results"}
            </p>
            <FacetDrawer selected={selectedFilters}>
              <FacetPanel query={query} groups={groups} />
            </FacetDrawer>
            <SortSelect value={input.sort} hrefFor={sortHrefs} />
          </div>
          {result.items.length ? (
            <SearchResults
              searchId={searchId}
              showStatus={actorCan(actor, "assets.write")}
              items={result.items.map((i) => ({
                ...i,
                stageNames: i.stageIds.map((id) => stageName.get(id) ?? ""),
              }))}
            />
          ) : (
            <EmptyState title={input.q ? `Nothing matches “${input.q}”` : "No assets match these filters"}>
              {suggestions.length ? (
                <div className="mt-2 text-sm">
                  <p>Did you mean:</p>
                  <ul className="mt-1 space-y-1" aria-label="Suggestions">
                    {suggestions.map((s) => (
                      <li key={s.id}>
                        <Link href={`/assets/${s.id}`} className="text-brand-700 underline">
                          {s.title}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="mt-2 text-sm text-slate-600">
                  Try fewer words or clear a filter
                  {filtered ? (
                    <>
                      {" "}
                      (
                      <Link href="/search" className="text-brand-700 underline">
                        start over
                      </Link>
                      )
                    </>
                  ) : null}
                  .
                </p>
              )}
              {actorCan(actor, "requests.create") ? (
                <p className="mt-4 text-sm">
                  <ButtonLink href={requestHref(query)} variant="secondary">
                    Request this content
                  </ButtonLink>
                </p>
              ) : null}
            </EmptyState>
          )}
          {result.nextCursor ? (
            <ButtonLink href={searchHref(query, { cursor: result.nextCursor })} variant="secondary">
              Next page
            </ButtonLink>
          ) : null}
        </div>
      </div>
    </>
  );
}
