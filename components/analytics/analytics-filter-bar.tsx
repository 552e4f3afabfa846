import { ButtonLink, buttonClass } from "@/components/ui/button";
import { choicesOf, Select, type Choice } from "@/components/ui/field";
import { ranges, type Range } from "@/lib/analytics/page-filters";
import { assetTypeLabels, assetTypes } from "@/lib/assets";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";
import type { FilterOptions } from "@/server/analytics/filter-options";

/** One filter of the bar: its query parameter, label, the choice for "no filter" and the choices. */
interface FilterSelect {
  name: string;
  label: string;
  value: string | undefined;
  all: string;
  options: Choice[];
}

function FilterField({ name, label, value, all, options }: FilterSelect) {
  return (
    <div className="min-w-36 space-y-1">
      <label htmlFor={`af-${name}`} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <Select id={`af-${name}`} name={name} defaultValue={value ?? ""} placeholder={all} options={options} />
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
  const filterSelects: FilterSelect[] = [
    {
      name: "range",
      label: "Period",
      value: range,
      all: "Last 12 months",
      options: Object.entries(ranges)
        .filter(([k]) => k !== "12m")
        .map(([value, label]) => ({ value, label })),
    },
    {
      name: "stageId",
      label: "Stage",
      value: filters.stageId,
      all: "All stages",
      options: choicesOf(options.stages),
    },
    {
      name: "type",
      label: "Asset type",
      value: filters.type,
      all: "All types",
      options: assetTypes.map((t) => ({ value: t, label: assetTypeLabels[t] })),
    },
    {
      name: "productId",
      label: "Product",
      value: filters.productId,
      all: "All products",
      options: choicesOf(options.products),
    },
    {
      name: "industryId",
      label: "Industry",
      value: filters.industryId,
      all: "All industries",
      options: choicesOf(options.industries),
    },
    {
      name: "team",
      label: "Team",
      value: filters.team,
      all: "All teams",
      options: options.teams.map((t) => ({ value: t, label: t })),
    },
    {
      name: "repId",
      label: "Deal owner",
      value: filters.repId,
      all: "Everyone",
      options: choicesOf(options.reps),
    },
    {
      name: "partnerOrgId",
      label: "Partner",
      value: filters.partnerOrgId,
      all: "Any or none",
      options: choicesOf(options.partnerOrgs),
    },
    {
      name: "partnerTierId",
      label: "Partner tier",
      value: filters.partnerTierId,
      all: "Any or none",
      options: choicesOf(options.partnerTiers),
    },
  ];
  return (
    <form
      action={action}
      method="get"
      aria-label="Analytics filters"
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      {filterSelects.map((f) => (
        <FilterField key={f.name} {...f} />
      ))}
      <button type="submit" className={buttonClass("primary")}>
        Apply filters
      </button>
      <ButtonLink href={action} variant="ghost">
        Clear
      </ButtonLink>
    </form>
  );
}
