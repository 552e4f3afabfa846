import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/server/api/openapi";
import { apiRoutes } from "@/server/api/routes";

const apiRoot = path.resolve("app/api/v1");

/** Every route.ts under app/api/v1 and the HTTP methods it exports, as OpenAPI paths. */
function routesOnDisk(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const rel = path.relative(apiRoot, path.dirname(full)).split(path.sep).filter(Boolean);
        const apiPath = `/api/v1/${rel.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`.replace(
          /\/$/,
          "",
        );
        const source = fs.readFileSync(full, "utf8");
        for (const m of source.matchAll(
          /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
        )) {
          found.add(`${m[1]} ${apiPath}`);
        }
      }
    }
  };
  walk(apiRoot);
  found.delete("GET /api/v1/openapi.json");
  return found;
}

// The generated document is plain JSON; the tests walk it dynamically.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument(apiRoutes, "http://localhost:3000");

  it("describes exactly the routes that exist, method by method", () => {
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
    );
    expect([...documented].sort()).toEqual([...routesOnDisk()].sort());
  });

  it("is OpenAPI 3.1 with request and response schemas and the shared error schema", () => {
    expect(doc.openapi).toBe("3.1.0");
    const createToken = doc.paths["/api/v1/tokens"]!.post as Record<string, Json>;
    expect(resolve(createToken.requestBody.content["application/json"].schema).properties.name).toBeDefined();
    expect(
      resolve(createToken.responses["201"].content["application/json"].schema).properties.secret,
    ).toBeDefined();
    expect(createToken.responses["422"].content["application/json"].schema.$ref).toBe(
      "#/components/schemas/Error",
    );
    expect(createToken.parameters.some((p: { name: string }) => p.name === "Idempotency-Key")).toBe(true);
    expect(doc.components.schemas.Error).toBeDefined();
    const download = doc.paths["/api/v1/assets/{id}/download"]!.get as Record<string, Json>;
    expect(download.parameters[0]).toMatchObject({ name: "id", in: "path", required: true });
  });

  function resolve(schema: { $ref?: string; properties?: Record<string, unknown> }): {
    properties: Record<string, unknown>;
  } {
    if (!schema.$ref) return schema as { properties: Record<string, unknown> };
    const name = schema.$ref.replace("#/components/schemas/", "");
    return (doc.components.schemas as Record<string, { properties: Record<string, unknown> }>)[name]!;
  }

  it("has no dangling $ref", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
  });
});
