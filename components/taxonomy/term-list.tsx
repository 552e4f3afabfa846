"use client";

import { useState } from "react";
import { Card } from "@/components/ui/card";
import { taxonomyKindLabels, type TaxonomyKind } from "@/lib/taxonomy";
import { AddTermForm } from "./add-term-form";
import { TermRow, type TermRowData } from "./term-row";

/** One kind's terms in list order, with the controls to manage them. */
export function TermList({ kind, terms }: { kind: TaxonomyKind; terms: TermRowData[] }) {
  const [message, setMessage] = useState("");
  const labels = taxonomyKindLabels[kind];
  return (
    <Card title={labels.many}>
      {terms.length === 0 ? (
        <p className="text-sm text-slate-500">
          No {labels.many.toLowerCase()} yet. Add the first one below to start tagging assets and deals.
        </p>
      ) : (
        <ol className="divide-y divide-slate-100 text-sm" aria-label={labels.many}>
          {terms.map((term, index) => (
            <TermRow
              key={term.id}
              term={term}
              index={index}
              count={terms.length}
              others={terms.filter((t) => t.id !== term.id)}
              announce={setMessage}
            />
          ))}
        </ol>
      )}
      <p role="status" className="mt-2 min-h-5 text-xs text-emerald-700">
        {message}
      </p>
      <div className="mt-2 border-t border-slate-100 pt-3">
        <AddTermForm kind={kind} announce={setMessage} />
      </div>
    </Card>
  );
}
