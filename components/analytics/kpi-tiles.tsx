export function KpiTiles({ items }: { items: { label: string; value: string; help: string }[] }) {
  return (
    <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
      {items.map((k) => (
        <div key={k.label} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" title={k.help}>
          <dt className="text-xs font-medium text-slate-500">{k.label}</dt>
          <dd
            className="mt-1 text-2xl font-semibold tabular-nums text-slate-900"
            data-testid={`kpi-${k.label}`}
          >
            {k.value}
          </dd>
          <dd className="sr-only">{k.help}</dd>
        </div>
      ))}
    </dl>
  );
}
