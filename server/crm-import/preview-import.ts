import "server-only";
import { parse } from "csv-parse/sync";
import type { Database } from "@/db/client";
import { detectMapping, detectSource, type ColumnMapping, type ImportSource } from "@/lib/crm-import/columns";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/server/authz/actor";
import { normaliseRow } from "./normalise-row";
import { loadStageRules } from "./stage-mapping";

const MAX_PREVIEW_BYTES = 512 * 1024;

/**
 * Reads the start of a CSV (the browser sends at most the first 512 KB, cut at a line break) and shows
 * what an import would do: the detected source and column mapping, each CRM stage and where it maps, and
 * the first rows with their problems.
 */
export async function previewImport(
  db: Database,
  actor: Actor,
  head: string,
  opts: { source?: ImportSource; mapping?: ColumnMapping },
) {
  if (Buffer.byteLength(head) > MAX_PREVIEW_BYTES)
    throw new AppError("payload_too_large", "Send at most the first 512 KB for a preview");
  let records: string[][];
  try {
    records = parse(head, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
    });
  } catch (error) {
    throw new AppError("validation_failed", `The file is not valid CSV: ${(error as Error).message}`);
  }
  const [headerRow, ...rows] = records;
  if (!headerRow || headerRow.length < 2)
    throw new AppError("validation_failed", "The first line must be a header row with column names");
  const headers = headerRow.map((h) => h.trim());
  const source = opts.source ?? detectSource(headers);
  const mapping = { ...detectMapping(headers, source), ...(opts.mapping ?? {}) };
  const rules = await loadStageRules(db, actor.workspaceId, source);
  const stageColumn = mapping.stage ? headers.indexOf(mapping.stage) : -1;
  const stageCounts = new Map<string, number>();
  if (stageColumn >= 0) {
    for (const r of rows) {
      const name = (r[stageColumn] ?? "").trim();
      if (name) stageCounts.set(name, (stageCounts.get(name) ?? 0) + 1);
    }
  }
  const toRecord = (r: string[]) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ""]));
  return {
    source,
    headers,
    mapping,
    stages: [...stageCounts.entries()].map(([crmStage, count]) => ({
      crmStage,
      count,
      rule: rules.ruleFor(crmStage),
    })),
    sample: rows.slice(0, 10).map((r) => {
      const result = normaliseRow(toRecord(r), mapping, {
        ruleFor: rules.ruleFor,
        ownerFor: () => undefined,
        defaultOwnerId: actor.userId,
      });
      return { values: toRecord(r), problems: result.ok ? [] : result.problems };
    }),
    sampledRows: rows.length,
  };
}
