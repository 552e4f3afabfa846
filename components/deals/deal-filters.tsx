import { buttonClass } from "@/components/ui/button";

/** A plain GET form: every filter lives in the URL, so a filtered list can be linked and reloaded. */
export function DealFilters({
  stages,
  values,
  showScope,
}: {
  stages: { id: string; name: string }[];
  values: { scope: string; status?: string; stageId?: string; q?: string };
  showScope: boolean;
}) {
  const select = "rounded-md border-0 py-1.5 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300";
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter deals">
      {showScope ? (
        <label className="text-sm">
          <span className="block text-xs text-slate-500">Whose</span>
          <select name="scope" defaultValue={values.scope} className={select}>
            <option value="mine">My deals</option>
            <option value="team">My team</option>
            <option value="all">All deals</option>
          </select>
        </label>
      ) : null}
      <label className="text-sm">
        <span className="block text-xs text-slate-500">Status</span>
        <select name="status" defaultValue={values.status ?? ""} className={select}>
          <option value="">Any status</option>
          <option value="open">Open</option>
          <option value="won">Won</option>
          <option value="lost">Lost</option>
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-xs text-slate-500">Stage</span>
        <select name="stageId" defaultValue={values.stageId ?? ""} className={select}>
          <option value="">Any stage</option>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-xs text-slate-500">Search</span>
        <input
          name="q"
          defaultValue={values.q ?? ""}
          placeholder="Deal or account"
          className={`${select} pr-3`}
        />
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
    </form>
  );
}
