import Link from "next/link";

export function StageFilter({
  stages,
  activeStageId,
  basePath,
}: {
  stages: { id: string; name: string }[];
  activeStageId?: string;
  basePath: string;
}) {
  const chip = (active: boolean) =>
    `inline-flex items-center rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset pointer-coarse:min-h-11 ${active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`;
  return (
    <nav aria-label="Buying stage" className="mb-4 flex flex-wrap gap-2">
      <Link
        href={basePath}
        className={chip(!activeStageId)}
        aria-current={!activeStageId ? "true" : undefined}
      >
        All stages
      </Link>
      {stages.map((s) => (
        <Link
          key={s.id}
          href={`${basePath}?stage=${s.id}`}
          className={chip(activeStageId === s.id)}
          aria-current={activeStageId === s.id ? "true" : undefined}
        >
          {s.name}
        </Link>
      ))}
    </nav>
  );
}
