import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { z } from "zod";
import { columnMappingSchema, importSources } from "@/lib/crm-import/columns";
import { AppError } from "@/lib/errors";
import { importQuerySchema, importReportSchema } from "@/lib/schemas/deals";
import { parseOrThrow } from "@/lib/zod-errors";
import { importDeals } from "@/server/crm-import/import-deals";
import { previewImport } from "@/server/crm-import/preview-import";
import { errorResponse } from "../error-response";
import { defineRoute } from "../define-route";

const stageRulesSchema = z.record(
  z.string().min(1).max(200),
  z.object({ stageId: z.uuid().nullable(), status: z.enum(["open", "won", "lost"]).nullable() }),
);

function jsonParam<S extends z.ZodType>(
  schema: S,
  raw: string | undefined,
  name: string,
): z.infer<S> | undefined {
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError("validation_failed", `${name} must be JSON`, {
      fieldErrors: { [name]: ["Must be JSON"] },
    });
  }
  return parseOrThrow(schema, value, name);
}

export const importDealsRoute = defineRoute({
  method: "POST",
  path: "/api/v1/deals/import",
  summary:
    "Import deals from a CRM CSV export (body: the CSV). Bad rows are reported by line and skipped; good rows are kept. With Accept: application/x-ndjson the response streams progress lines, then the report.",
  tag: "Deals",
  permission: "deals.write",
  query: importQuerySchema,
  rawBody: { contentType: "text/csv", description: "The CSV file, UTF-8 with or without BOM" },
  response: importReportSchema,
  errors: [400, 415],
  handler: async ({ actor, db, query, request }) => {
    if (!request.body) throw new AppError("bad_request", "Send the CSV file as the request body");
    const options = {
      source: query.source,
      mapping: jsonParam(columnMappingSchema, query.mapping, "mapping"),
      stageRules: jsonParam(stageRulesSchema, query.stageRules, "stageRules"),
    };
    const input = Readable.fromWeb(request.body as unknown as WebReadableStream);
    if (!(request.headers.get("accept") ?? "").includes("application/x-ndjson")) {
      return importDeals(db, actor, input, options);
    }
    if (request.headers.has("idempotency-key")) {
      // The report of a streamed import is not kept for a replay: a retry-safe import asks for JSON.
      throw new AppError(
        "bad_request",
        "Idempotency-Key needs a JSON response: send Accept: application/json",
      );
    }
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
        try {
          const report = await importDeals(db, actor, input, {
            ...options,
            onProgress: (rows) => send({ progress: rows }),
          });
          send({ report });
        } catch (error) {
          send(await errorResponse(error, { path: "/api/v1/deals/import" }).json());
        }
        controller.close();
      },
    });
    return new Response(stream, {
      headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" },
    });
  },
});

export const previewImportRoute = defineRoute({
  method: "POST",
  path: "/api/v1/deals/import/preview",
  summary:
    "Preview an import from the first part of a CSV (at most 512 KB): detected source, mapping, stages and sample rows",
  tag: "Deals",
  permission: "deals.write",
  query: z.object({ source: z.enum(importSources).optional(), mapping: z.string().max(4000).optional() }),
  rawBody: { contentType: "text/csv", description: "The first lines of the CSV file" },
  response: z.object({
    source: z.enum(importSources),
    headers: z.array(z.string()),
    mapping: columnMappingSchema,
    stages: z.array(
      z.object({
        crmStage: z.string(),
        count: z.number().int(),
        rule: z
          .object({ stageId: z.uuid().nullable(), status: z.enum(["open", "won", "lost"]).nullable() })
          .nullable(),
      }),
    ),
    sample: z.array(z.object({ values: z.record(z.string(), z.string()), problems: z.array(z.string()) })),
    sampledRows: z.number().int(),
  }),
  errors: [413],
  handler: async ({ actor, db, query, request }) =>
    previewImport(db, actor, await request.text(), {
      source: query.source,
      mapping: jsonParam(columnMappingSchema, query.mapping, "mapping"),
    }),
});
