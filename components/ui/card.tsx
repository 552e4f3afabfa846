import type { ReactNode } from "react";

export function Card({
  title,
  actions,
  children,
  className = "",
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    // min-w-0: in a grid or flex row a card may be narrower than its widest table, which then scrolls inside it.
    <section className={`min-w-0 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 ${className}`}>
      {title || actions ? (
        <header className="flex items-center justify-between gap-4 border-b border-slate-100 px-4 py-3">
          {title ? <h2 className="text-sm font-semibold text-slate-900">{title}</h2> : <span />}
          {actions}
        </header>
      ) : null}
      <div className="p-4">{children}</div>
    </section>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center">
      <p className="text-sm font-medium text-slate-900">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-500">{children}</div> : null}
    </div>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0 [overflow-wrap:anywhere]">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}

/**
 * One record's page (an asset, a deal): its title with its badges and facts side by side under it
 * (`facts`: a deal's status and account), `actions` beside; below, a wide `main` column beside a narrow
 * `side` one; on a phone one column, in which long unbroken names (titles, accounts, addresses) wrap.
 */
export function RecordPage({
  title,
  facts,
  actions,
  main,
  side,
}: {
  title: string;
  facts: ReactNode;
  actions: ReactNode;
  main: ReactNode;
  side: ReactNode;
}) {
  return (
    <>
      <PageHeader
        title={title}
        description={<span className="flex flex-wrap items-center gap-2">{facts}</span>}
        actions={actions}
      />
      <div className="grid grid-cols-1 gap-6 [overflow-wrap:anywhere] lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">{main}</div>
        <div className="space-y-6">{side}</div>
      </div>
    </>
  );
}
