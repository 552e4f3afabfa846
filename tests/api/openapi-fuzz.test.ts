import fc from "fast-check";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { users } from "@/db/schema";
import type { ApiRoute } from "@/server/api/define-route";
import { buildOpenApiDocument } from "@/server/api/openapi";
import { apiRoutes } from "@/server/api/routes";
import { callRoute, tokensFor } from "../support/call-route";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";
import { createTestDatabase } from "../support/test-db";

/**
 * Every operation of the OpenAPI document, called through its route handler by every role (with an API
 * token or a session) with inputs built from its own schemas and bent out of shape: NUL bytes, lone
 * surrogates, huge and negative numbers, wrong types, repeated ids, impossible dates, forged cursors,
 * broken JSON and multipart. Whatever comes in, the answer is never a 5xx, and an error is always the
 * JSON error shape. The seed is fixed so a run is repeatable; FUZZ_SEED and FUZZ_RUNS change it.
 */

let session: { uid: string; sv: number } | null = null;
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => session,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

// The generated document is plain JSON; the generator walks it dynamically.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const doc: Json = buildOpenApiDocument(apiRoutes, "http://localhost");
const roles = ["anonymous", "partnerLow", "rep", "marketer", "admin"] as const;
type Role = (typeof roles)[number];

let handle: DatabaseHandle;
let ws: TestWorkspace;
let tokens: Record<Exclude<Role, "anonymous">, string>;
/** Ids that exist in the workspace, so generated requests reach past "not found" into the handlers. */
let knownIds: string[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  tokens = await tokensFor(handle.db, ws, ["partnerLow", "rep", "marketer", "admin"]);
  const asset = await createTestAsset(handle.db, ws, { status: "published", partnerAccess: "all" });
  const deal = await createTestDeal(handle.db, ws, { ownerId: ws.people.rep.id });
  const partnerDeal = await createTestDeal(handle.db, ws, {
    ownerId: ws.people.partnerLow.id,
    partnerOrgId: ws.orgs.low.id,
  });
  knownIds = [
    asset.id,
    deal.id,
    partnerDeal.id,
    ws.orgs.low.id,
    ws.orgs.high.id,
    ...ws.stages.map((s) => s.id),
    ...ws.tiers.map((t) => t.id),
    ...Object.values(ws.people).map((p) => p.id),
  ];
}, 120_000);
afterAll(() => handle.close());

/** FUZZ_REPORT=1 prints how often each operation answered each status, to see how deep the inputs reach. */
const tally = new Map<string, Map<number, number>>();
afterAll(() => {
  if (!process.env.FUZZ_REPORT) return;
  for (const [op, counts] of tally) console.log(op, Object.fromEntries(counts));
});

const hostileStrings = [
  "",
  " ",
  "\0",
  "abc\0def",
  "\ud800",
  "x\udc00y",
  "\udc00\ud800",
  "😀",
  "a".repeat(5000),
  "0001-01-01",
  "9999-12-31",
  "2026-02-30",
  "zzz",
  "eyJ4IjoxfQ",
  "-1",
  "1e400",
  "NaN",
  "null",
  "' OR 1=1 --",
  "../../etc/passwd",
  "%00",
  "00000000-0000-0000-0000-000000000000",
];
const hostileNumbers = [-1, 0, 1e308, -1e308, 2 ** 53 + 1, 0.5, 1e12 + 1, -0];
const wrongTypes: unknown[] = [null, true, false, [], {}, 12, "12", [null], { "\0": 1 }];

const hostileString = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.string({ unit: "binary", maxLength: 30 }),
);
const anyHostile: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(...wrongTypes),
);

function resolve(schema: Json): Json {
  if (schema?.$ref) return resolve(doc.components.schemas[schema.$ref.replace("#/components/schemas/", "")]);
  return schema ?? {};
}

const id = () =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...knownIds) }, { weight: 1, arbitrary: fc.uuid() });

/** A value the schema probably accepts: real ids, enum members, dates in range, numbers in bounds. */
function plausible(raw: Json, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw);
  if (schema.anyOf ?? schema.oneOf)
    return fc.oneof(...(schema.anyOf ?? schema.oneOf).map((s: Json) => value(s, depth)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "string":
      if (schema.format === "uuid") return id();
      if (schema.format === "date") return fc.constantFrom("2026-03-31", "1900-01-01", "2199-12-31");
      if (schema.format === "date-time")
        return fc.constantFrom("2026-03-31T10:00:00Z", "2199-12-31T23:59:59+01:00");
      if (schema.format === "email") return fc.constantFrom(ws.people.rep.email, "new.person@example.test");
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern), { maxLength: 40 });
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
    case "integer":
    case "number":
      return fc.integer({
        min: Math.max(schema.minimum ?? -5, -5),
        max: Math.min(schema.maximum ?? 5000, 5000),
      });
    case "boolean":
      return fc.boolean();
    case "array":
      if (depth > 3) return fc.constant([]);
      // Repeats are likely: items come from small pools of real ids and enum members.
      return fc.array(value(schema.items ?? {}, depth + 1), { maxLength: 4 });
    case "object": {
      if (depth > 3) return fc.constant({});
      const props: Record<string, Json> = schema.properties ?? {};
      const required = new Set<string>(schema.required ?? []);
      const keys = Object.keys(props);
      if (!keys.length)
        return fc.dictionary(hostileString, value(schema.additionalProperties ?? {}, depth + 1), {
          maxKeys: 3,
        });
      // Required keys always, optional ones by chance (a missing required key is the schema's job to refuse).
      const optional = keys.filter((k) => !required.has(k));
      return fc
        .tuple(
          fc.record(Object.fromEntries(keys.map((k) => [k, value(props[k], depth + 1)]))),
          fc.subarray(optional),
        )
        .map(([obj, kept]) =>
          Object.fromEntries(Object.entries(obj).filter(([k]) => required.has(k) || kept.includes(k))),
        );
    }
    default:
      return anyHostile;
  }
}

/** Mostly plausible, sometimes hostile or the wrong type altogether. */
function value(schema: Json, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: plausible(schema, depth) }, { weight: 1, arbitrary: anyHostile });
}

/** A query or path parameter: its value as text, or hostile text. */
function paramText(schema: Json): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: plausible(schema).map((v) => (Array.isArray(v) ? v.join(",") : String(v))) },
    { weight: 1, arbitrary: hostileString },
  );
}

const csvBody = fc
  .array(
    fc.array(fc.oneof(hostileString, fc.constantFrom("h-1", "Deal", "100", "qualifiedtobuy", "3/31/2026")), {
      maxLength: 6,
    }),
    { maxLength: 5 },
  )
  .map((rows) =>
    ["Record ID,Deal Name,Amount,Deal Stage,Close Date", ...rows.map((r) => r.join(","))].join("\n"),
  );

interface Operation {
  method: string;
  path: string;
  op: Json;
  route: ApiRoute;
}

const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(
  ([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      op,
      route: apiRoutes.find((r) => r.spec.path === path && r.spec.method === method.toUpperCase())!,
    })),
);

function requestFor(operation: Operation) {
  const params: Json[] = operation.op.parameters ?? [];
  const path = Object.fromEntries(
    params.filter((p) => p.in === "path").map((p) => [p.name, paramText(p.schema)]),
  );
  const query = params.filter((p) => p.in === "query");
  const queryArb = fc
    .subarray(query)
    .chain((chosen) => fc.record(Object.fromEntries(chosen.map((p: Json) => [p.name, paramText(p.schema)]))));
  const content = operation.op.requestBody?.content ?? {};
  let body: fc.Arbitrary<{ body?: BodyInit; contentType?: string; json?: unknown }> = fc.constant({});
  if (content["application/json"]) {
    body = fc.oneof(
      { weight: 6, arbitrary: value(content["application/json"].schema).map((json) => ({ json })) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom("{", "[1,", "\0", '{"a":"\\ud800"}')
          .map((text) => ({ body: text, contentType: "application/json" })),
      },
    );
  } else if (content["multipart/form-data"]) {
    const fields = Object.entries(
      resolve(content["multipart/form-data"].schema).properties as Record<string, Json>,
    ).filter(([k]) => k !== "file");
    body = fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .tuple(
            // A field is JSON text (metadata) or plain text (a version's note); either may be sent.
            fc.record(
              Object.fromEntries(
                fields.map(([k, s]) => [
                  k,
                  fc
                    .tuple(value(s), fc.boolean())
                    .map(([v, raw]) => (raw && typeof v === "string" ? v : (JSON.stringify(v) ?? ""))),
                ]),
              ),
            ),
            fc.constantFrom(
              ["notes.txt", "Plain text notes for the fuzz run"],
              ["a\0b.pdf", "%PDF-1.4 not really"],
              ["binary.bin", "\u0000\u0001\u0002\u00ff"],
              ["", ""],
            ),
          )
          .map(([values, [name, text]]) => {
            const form = new FormData();
            for (const [k, v] of Object.entries(values)) form.append(k, v as string);
            form.append("file", new Blob([text]), name);
            return { body: form };
          }),
      },
      { weight: 1, arbitrary: fc.constant({ body: "--x\r\n\r\n", contentType: "multipart/form-data" }) },
    );
  } else if (content["text/csv"]) {
    body = csvBody.map((text) => ({ body: text, contentType: "text/csv" }));
  }
  return fc.record({
    role: fc.constantFrom(...roles),
    viaSession: fc.boolean(),
    params: fc.record(path),
    query: queryArb,
    body,
  });
}

async function send(operation: Operation, input: Json) {
  const role: Role = input.role;
  const person = role === "anonymous" ? null : ws.people[role];
  const useSession = person !== null && (input.viaSession || operation.route.spec.sessionOnly === true);
  session = null;
  if (useSession) {
    const [row] = await handle.db
      .select({ sv: users.sessionVersion })
      .from(users)
      .where(eq(users.id, person.id));
    session = { uid: person.id, sv: row!.sv };
  }
  const token = person && !useSession ? tokens[role as Exclude<Role, "anonymous">] : null;
  return callRoute(operation.route, token, {
    params: input.params,
    query: input.query,
    ...input.body,
    headers: useSession ? { origin: "http://localhost", "sec-fetch-site": "same-origin" } : {},
  });
}

describe("OpenAPI fuzz: no 5xx, always the JSON error shape", () => {
  it("covers every operation of the document", () => {
    expect(operations.length).toBeGreaterThan(40);
    for (const operation of operations)
      expect(operation.route, `${operation.method} ${operation.path}`).toBeDefined();
  });

  for (const operation of operations) {
    it(`${operation.method} ${operation.path}`, async () => {
      await fc.assert(
        fc.asyncProperty(requestFor(operation), async (input) => {
          const res = await send(operation, input);
          const counts = tally.get(`${operation.method} ${operation.path}`) ?? new Map<number, number>();
          tally.set(
            `${operation.method} ${operation.path}`,
            counts.set(res.status, (counts.get(res.status) ?? 0) + 1),
          );
          expect(res.status, JSON.stringify(input)).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers.get("content-type")).toContain("application/json");
            expect(res.body).toMatchObject({
              error: { code: expect.any(String), message: expect.any(String) },
            });
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    });
  }
});
