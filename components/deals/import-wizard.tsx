"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import {
  importFieldLabels,
  importFields,
  type ColumnMapping,
  type ImportSource,
} from "@/lib/crm-import/columns";
import type { ErrorBody } from "@/lib/errors";
import type { ImportReport } from "@/lib/schemas/deals";
import { ImportReportView } from "./import-report";

type Rule = { stageId: string | null; status: "open" | "won" | "lost" | null } | null;
interface Preview {
  source: ImportSource;
  headers: string[];
  mapping: ColumnMapping;
  stages: { crmStage: string; count: number; rule: Rule }[];
  sample: { values: Record<string, string>; problems: string[] }[];
  sampledRows: number;
}

const PREVIEW_BYTES = 512 * 1024;
const encodeRule = (r: Rule) => (r ? `${r.stageId ?? ""}|${r.status ?? ""}` : "");
const decodeRule = (v: string): Rule => {
  if (!v) return null;
  const [stageId, status] = v.split("|");
  return { stageId: stageId || null, status: (status || null) as "won" | "lost" | null };
};

export function ImportWizard({ stages }: { stages: { id: string; name: string }[] }) {
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<ImportSource | "">("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [rules, setRules] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [progress, setProgress] = useState<{ rows: number; estimate: number } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  async function loadPreview(f: File, src: ImportSource | "", map?: ColumnMapping) {
    setError(undefined);
    setReport(null);
    let head = await f.slice(0, PREVIEW_BYTES).text();
    if (f.size > PREVIEW_BYTES) head = head.slice(0, head.lastIndexOf("\n") + 1);
    const params = new URLSearchParams();
    if (src) params.set("source", src);
    if (map) params.set("mapping", JSON.stringify(map));
    const res = await fetch(`/api/v1/deals/import/preview?${params}`, {
      method: "POST",
      body: head,
      headers: { "Content-Type": "text/csv" },
    });
    const body = await res.json();
    if (!res.ok) {
      setPreview(null);
      setError((body as ErrorBody).error.message);
      return;
    }
    const p = body as Preview;
    setPreview(p);
    setMapping(p.mapping);
    setRules(Object.fromEntries(p.stages.map((s) => [s.crmStage, encodeRule(s.rule)])));
  }

  async function runImport() {
    if (!file || !preview) return;
    setError(undefined);
    setReport(null);
    const headBytes = Math.min(file.size, PREVIEW_BYTES);
    const estimate = Math.max(preview.sampledRows, Math.round((preview.sampledRows * file.size) / headBytes));
    setProgress({ rows: 0, estimate });
    const stageRules = Object.fromEntries(
      Object.entries(rules)
        .filter(([, v]) => v)
        .map(([k, v]) => [k, decodeRule(v)]),
    );
    const params = new URLSearchParams({
      source: preview.source,
      mapping: JSON.stringify(mapping),
      stageRules: JSON.stringify(stageRules),
    });
    const res = await fetch(`/api/v1/deals/import?${params}`, {
      method: "POST",
      body: file,
      headers: { "Content-Type": "text/csv", Accept: "application/x-ndjson" },
    });
    if (!res.ok || !res.body) {
      setProgress(null);
      setError(((await res.json()) as ErrorBody).error.message);
      return;
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines.filter(Boolean)) {
        const msg = JSON.parse(line) as { progress?: number; report?: ImportReport } & Partial<ErrorBody>;
        if (msg.progress !== undefined) setProgress({ rows: msg.progress, estimate });
        if (msg.report) setReport(msg.report);
        if (msg.error) setError(msg.error.message);
      }
    }
    setProgress(null);
  }

  return (
    <div className="space-y-6">
      <div className="grid max-w-2xl gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2">
        <Field id="import-source" label="Exported from">
          <Select
            id="import-source"
            value={source}
            onChange={(e) => {
              const s = e.target.value as ImportSource | "";
              setSource(s);
              if (file) void loadPreview(file, s);
            }}
          >
            <option value="">Detect automatically</option>
            <option value="salesforce">Salesforce (report or Data Loader)</option>
            <option value="hubspot">HubSpot (deals export)</option>
            <option value="generic">Other CSV (map the columns)</option>
          </Select>
        </Field>
        <Field id="import-file" label="CSV file">
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            className="block w-full text-sm"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              if (f) void loadPreview(f, source);
            }}
          />
        </Field>
      </div>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {preview && file ? (
        <div className="space-y-6">
          <section
            aria-labelledby="mapping-heading"
            className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
          >
            <h2 id="mapping-heading" className="text-sm font-semibold">
              Columns <span className="font-normal text-slate-500">— detected as {preview.source}</span>
            </h2>
            <div className="mt-3 grid gap-3 sm:grid-cols-3">
              {importFields.map((f) => (
                <Field key={f} id={`map-${f}`} label={importFieldLabels[f]}>
                  <Select
                    id={`map-${f}`}
                    value={mapping[f] ?? ""}
                    onChange={(e) => {
                      const next = { ...mapping, [f]: e.target.value || undefined };
                      setMapping(next);
                      void loadPreview(file, preview.source, next);
                    }}
                    placeholder="(not in this file)"
                    options={preview.headers.map((h) => ({ value: h, label: h }))}
                  />
                </Field>
              ))}
            </div>
          </section>
          {preview.stages.length ? (
            <section
              aria-labelledby="stages-heading"
              className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
            >
              <h2 id="stages-heading" className="text-sm font-semibold">
                Stages{" "}
                <span className="font-normal text-slate-500">
                  — remembered for the next {preview.source} import
                </span>
              </h2>
              <div className="mt-3 grid gap-3 sm:grid-cols-3">
                {preview.stages.map((s) => (
                  <Field key={s.crmStage} id={`rule-${s.crmStage}`} label={`${s.crmStage} (${s.count})`}>
                    <Select
                      id={`rule-${s.crmStage}`}
                      value={rules[s.crmStage] ?? ""}
                      onChange={(e) => setRules({ ...rules, [s.crmStage]: e.target.value })}
                    >
                      <option value="">Not mapped (rows are skipped)</option>
                      {stages.map((st) => (
                        <option key={st.id} value={`${st.id}|`}>
                          {st.name}
                        </option>
                      ))}
                      {stages.length ? (
                        <option value={`${stages[stages.length - 1]!.id}|won`}>Closed won</option>
                      ) : null}
                      <option value="|lost">Closed lost</option>
                    </Select>
                  </Field>
                ))}
              </div>
            </section>
          ) : null}
          <section
            aria-labelledby="sample-heading"
            className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
          >
            <h2 id="sample-heading" className="text-sm font-semibold">
              First rows
            </h2>
            <table className="mt-2 min-w-full text-xs">
              <thead>
                <tr className="text-left text-slate-500">
                  <th scope="col" className="py-1 pr-3">
                    Line
                  </th>
                  {preview.headers.map((h) => (
                    <th scope="col" key={h} className="py-1 pr-3">
                      {h}
                    </th>
                  ))}
                  <th scope="col" className="py-1">
                    Problems
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row, i) => (
                  <tr key={i} className={row.problems.length ? "bg-red-50" : ""}>
                    <td className="py-1 pr-3">{i + 2}</td>
                    {preview.headers.map((h) => (
                      <td key={h} className="max-w-48 truncate py-1 pr-3">
                        {row.values[h]}
                      </td>
                    ))}
                    <td className="py-1 text-red-700">{row.problems.join("; ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <div className="flex items-center gap-4">
            <Button onClick={runImport} disabled={progress !== null}>
              Import {file.name}
            </Button>
            {progress ? (
              <div className="w-72">
                <div
                  role="progressbar"
                  aria-label="Import progress"
                  aria-valuemin={0}
                  aria-valuemax={progress.estimate}
                  aria-valuenow={progress.rows}
                  className="h-2 overflow-hidden rounded bg-slate-100"
                >
                  <div
                    className="h-full bg-brand-600"
                    style={{ width: `${Math.min(100, (progress.rows / progress.estimate) * 100)}%` }}
                  />
                </div>
                <p className="mt-1 text-xs text-slate-500">{progress.rows.toLocaleString()} rows imported…</p>
              </div>
            ) : null}
          </div>
        </div>
      ) : null}
      {report ? <ImportReportView report={report} /> : null}
    </div>
  );
}
