import "server-only";
import { parse } from "csv-parse";
import { Transform, type Readable, type TransformCallback } from "node:stream";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { buyingStages, users } from "@/db/schema";
import {
  detectMapping,
  detectSource,
  requiredFields,
  type ColumnMapping,
  type ImportSource,
  importFieldLabels,
} from "@/lib/crm-import/columns";
import { AppError } from "@/lib/errors";
import type { ImportReport } from "@/lib/schemas/deals";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { normaliseRow, type ImportRow } from "./normalise-row";
import { loadStageRules, saveStageRules, type StageRule } from "./stage-mapping";
import { writeBatch } from "./write-batch";
import { actsForEveryone } from "@/server/authz/rules";

const BATCH = 500;
const MAX_REPORTED_ERRORS = 1000;

export interface ImportOptions {
  source?: ImportSource;
  mapping?: ColumnMapping;
  stageRules?: Record<string, StageRule>;
  onProgress?: (rowsRead: number) => void;
}

/**
 * Streams a CRM export into deals without holding the file in memory: rows are validated one by one and
 * written in batches of 500. Bad rows are reported with their line numbers and skipped; good rows are
 * kept. Re-importing a file updates deals by CRM id and never duplicates them.
 */
export async function importDeals(
  db: Database,
  actor: Actor,
  input: Readable,
  options: ImportOptions = {},
): Promise<ImportReport> {
  let headers: string[] | null = null;
  const lines = new LineCounter();
  const parser = input.pipe(lines).pipe(
    parse({
      bom: true,
      columns: (h: string[]) => {
        headers = h.map((c) => c.trim());
        return headers;
      },
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: 1024 * 1024,
    }),
  );

  const report: ImportReport = {
    source: options.source ?? "generic",
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    errors: [],
    errorsTruncated: false,
  };
  const fail = (line: number, message: string) => {
    report.failed += 1;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ line, message });
    else report.errorsTruncated = true;
  };

  let setup: Awaited<ReturnType<typeof prepare>> | null = null;
  const seen = new Map<string, number>();
  let batch: { line: number; row: ImportRow }[] = [];
  const flush = async () => {
    if (!batch.length || !setup) return;
    const result = await writeBatch(
      db,
      actor,
      setup.source,
      batch.map((b) => b.row),
      setup.firstStageId,
    );
    report.created += result.created;
    report.updated += result.updated;
    report.unchanged += result.unchanged;
    for (const s of result.skipped)
      fail(batch.find((b) => b.row.externalId === s.externalId)!.line, s.problem);
    batch = [];
    options.onProgress?.(report.rows);
  };

  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { bytes: number };
    }>) {
      setup ??= await prepare(db, actor, headers!, options);
      report.source = setup.source;
      report.rows += 1;
      const newlinesInside = Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
      // info.bytes is the offset just past the record and its terminator; the terminator is not inside it.
      const line = lines.lineAt(info.bytes - 1) - newlinesInside;
      const result = normaliseRow(record, setup.mapping, setup);
      if (!result.ok) {
        fail(line, result.problems.join("; "));
        continue;
      }
      const previous = seen.get(result.row.externalId);
      if (previous !== undefined) {
        fail(line, `Record id “${result.row.externalId}” already appeared on line ${previous}`);
        continue;
      }
      seen.set(result.row.externalId, line);
      batch.push({ line, row: result.row });
      if (batch.length >= BATCH) await flush();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const e = error as { code?: string; lines?: number; message: string };
    if (e.code?.startsWith("CSV_")) {
      await flush();
      throw new AppError(
        "validation_failed",
        `The file is not valid CSV near line ${e.lines ?? "?"}: ${e.message}. Rows before it were imported.`,
      );
    }
    throw error;
  }
  if (!setup) throw new AppError("validation_failed", "The file has no data rows under its header row");
  await flush();
  await recordActorAudit(db, actor, "deals.imported", setup.source, {
    rows: report.rows,
    created: report.created,
    updated: report.updated,
    failed: report.failed,
  });
  return report;
}

/**
 * Counts line breaks by byte offset as the file streams past, so each record can be reported by the line
 * it starts on (csv-parse's own counter drifts on CRLF inside quoted fields).
 */
class LineCounter extends Transform {
  private offset = 0;
  private pending: number[] = [];
  private counted = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1))
      this.pending.push(this.offset + i);
    this.offset += chunk.length;
    done(null, chunk);
  }

  /** The 1-based line of the byte at `offset`; offsets must not decrease between calls. */
  lineAt(offset: number): number {
    let drop = 0;
    while (drop < this.pending.length && this.pending[drop]! < offset) drop++;
    this.counted += drop;
    this.pending = drop ? this.pending.slice(drop) : this.pending;
    return this.counted + 1;
  }
}

async function prepare(db: Database, actor: Actor, headers: string[], options: ImportOptions) {
  const source = options.source ?? detectSource(headers);
  const mapping = { ...detectMapping(headers, source), ...(options.mapping ?? {}) };
  const missing = requiredFields.filter((f) => !mapping[f] || !headers.includes(mapping[f]!));
  if (missing.length) {
    throw new AppError(
      "validation_failed",
      `Map these columns before importing: ${missing.map((f) => importFieldLabels[f]).join(", ")}`,
      {
        fieldErrors: Object.fromEntries(
          missing.map((f) => [`mapping.${f}`, [`No column found for ${importFieldLabels[f]}`]]),
        ),
      },
    );
  }
  if (options.stageRules) await saveStageRules(db, actor.workspaceId, source, options.stageRules);
  const rules = await loadStageRules(db, actor.workspaceId, source);
  const people = actsForEveryone(actor)
    ? await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(and(eq(users.workspaceId, actor.workspaceId), eq(users.active, true)))
    : [];
  const byEmail = new Map(people.map((p) => [p.email, p.id]));
  const [first] = await db
    .select({ id: buyingStages.id })
    .from(buyingStages)
    .where(eq(buyingStages.workspaceId, actor.workspaceId))
    .orderBy(asc(buyingStages.position))
    .limit(1);
  return {
    source,
    mapping,
    ruleFor: rules.ruleFor,
    // Only admins import deals on behalf of other owners; everyone else's imports are their own deals.
    ownerFor: (email: string) => (actsForEveryone(actor) ? (byEmail.get(email) ?? null) : undefined),
    defaultOwnerId: actor.userId,
    firstStageId: first!.id,
  };
}
