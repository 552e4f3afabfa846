import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ranges, type Range } from "@/lib/analytics/page-filters";
import { assetTypeLabels, assetTypes } from "@/lib/assets";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";
import type { FilterOptions } from "@/server/analytics/filter-options";

function Select({
  name,
  label,
  value,
  options,
  all,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: { id: string; name: string }[];
  all: string;
}) {
  return (
    <div className="min-w-36 space-y-1">
      <label htmlFor={`af-${name}`} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={`af-${name}`} name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: every filtered view is a link that can be shared and reloaded. */
export function AnalyticsFilterBar({
  action,
  options,
  filters,
  range,
}: {
  action: string;
  options: FilterOptions;
  filters: AnalyticsFilters;
  range: Range;
}) {
  const ids = (names: string[]) => names.map((n) => ({ id: n, name: n }));
  return (
    <form
      action={action}
      method="get"
      aria-label="Analytics filters"
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <Select
        name="range"
        label="Period"
        value={range}
        all="Last 12 months"
        options={Object.entries(ranges)
          .filter(([k]) => k !== "12m")
          .map(([id, name]) => ({ id, name }))}
      />
      <Select
        name="stageId"
        label="Stage"
        value={filters.stageId}
        options={options.stages}
        all="All stages"
      />
      <Select
        name="type"
        label="Asset type"
        value={filters.type}
        options={assetTypes.map((t) => ({ id: t, name: assetTypeLabels[t] }))}
        all="All types"
      />
      <Select
        name="productId"
        label="Product"
        value={filters.productId}
        options={options.products}
        all="All products"
      />
      <Select
        name="industryId"
        label="Industry"
        value={filters.industryId}
        options={options.industries}
        all="All industries"
      />
      <Select name="team" label="Team" value={filters.team} options={ids(options.teams)} all="All teams" />
      <Select name="repId" label="Deal owner" value={filters.repId} options={options.reps} all="Everyone" />
      <Select
        name="partnerOrgId"
        label="Partner"
        value={filters.partnerOrgId}
        options={options.partnerOrgs}
        all="Any or none"
      />
      <Select
        name="partnerTierId"
        label="Partner tier"
        value={filters.partnerTierId}
        options={options.partnerTiers}
        all="Any or none"
      />
      <button type="submit" className={buttonClass("primary")}>
        Apply filters
      </button>
      <Link href={action} className={buttonClass("ghost")}>
        Clear
      </Link>
    </form>
  );
}
