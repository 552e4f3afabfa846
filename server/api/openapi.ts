import "server-only";
import { z } from "zod";
import { errorBodySchema } from "@/lib/schemas/api-common";
import type { ApiRoute } from "./define-route";
import { isJsonField } from "./upload-fields";

type JsonSchema = Record<string, unknown>;

const errorDescriptions: Record<number, string> = {
  400: "Malformed request",
  401: "Not signed in, or the API token is invalid",
  403: "Your role does not allow this",
  404: "Not found, or not visible to you",
  409: "Conflict, e.g. an Idempotency-Key reused with another body",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Validation failed; see fieldErrors",
  429: "Too many requests; see Retry-After",
};

/** Builds the OpenAPI 3.1 document from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(routes: ApiRoute[], serverUrl: string) {
  const components: Record<string, JsonSchema> = {};
  const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
    const json = z.toJSONSchema(schema, {
      io,
      target: "draft-2020-12",
      unrepresentable: "any",
      reused: "inline",
      override: (ctx) => {
        delete (ctx.jsonSchema as JsonSchema).$schema;
      },
    }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    for (const [name, def] of Object.entries(json.$defs ?? {})) components[name] = def;
    delete json.$defs;
    delete json.$schema;
    return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const { spec } of routes) {
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ["path", spec.params],
      ["query", spec.query],
    ] as const) {
      if (!schema) continue;
      for (const [name, field] of Object.entries(schema.shape)) {
        parameters.push({
          name,
          in: where,
          required: where === "path" || !(field as z.ZodType).safeParse(undefined).success,
          schema: toSchema(field as z.ZodType, "input"),
        });
      }
    }
    if (spec.method === "POST") {
      parameters.push({
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description: "Retrying with the same key and body returns the first response and creates nothing new",
        schema: { type: "string", maxLength: 200 },
      });
    }
    const success = spec.successStatus ?? 200;
    const responses: Record<string, unknown> = {
      [success]:
        success === 204
          ? { description: "Done" }
          : spec.produces
            ? {
                description: "The file",
                content: { [spec.produces]: { schema: { type: "string", contentMediaType: spec.produces } } },
              }
            : {
                description: "OK",
                content: { "application/json": { schema: toSchema(spec.response, "output") } },
              },
    };
    const errorStatuses = new Set([401, 403, 422, ...(spec.errors ?? [])]);
    if (spec.method !== "GET") errorStatuses.add(429);
    if (spec.method === "POST") errorStatuses.add(409);
    for (const status of [...errorStatuses].sort()) {
      responses[status] = {
        description: errorDescriptions[status] ?? "Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    }
    (paths[spec.path] ??= {})[spec.method.toLowerCase()] = {
      summary: spec.summary,
      tags: [spec.tag],
      operationId: `${spec.method.toLowerCase()}${spec.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: toSchema(spec.body, "input") } },
            },
          }
        : {}),
      ...(spec.rawBody
        ? {
            requestBody: {
              required: true,
              description: spec.rawBody.description,
              content: { [spec.rawBody.contentType]: { schema: { type: "string" } } },
            },
          }
        : {}),
      ...(spec.multipart
        ? {
            requestBody: {
              required: true,
              content: {
                "multipart/form-data": {
                  schema: {
                    type: "object",
                    required: [
                      ...Object.entries(spec.multipart.shape)
                        .filter(([, v]) => !(v as z.ZodType).safeParse(undefined).success)
                        .map(([k]) => k),
                      "file",
                    ],
                    properties: {
                      file: { type: "string", contentMediaType: "application/octet-stream" },
                      ...Object.fromEntries(
                        Object.entries(spec.multipart.shape).map(([k, v]) => [
                          k,
                          isJsonField(v as z.ZodType)
                            ? { ...toSchema(v as z.ZodType, "input"), contentMediaType: "application/json" }
                            : toSchema(v as z.ZodType, "input"),
                        ]),
                      ),
                    },
                  },
                },
              },
            },
          }
        : {}),
      responses,
      ...(spec.sessionOnly ? { security: [{ session: [] }] } : {}),
    };
  }
  toSchema(errorBodySchema, "output");

  return {
    openapi: "3.1.0",
    info: {
      title: "Baton API",
      version: "1.0.0",
      description:
        "Sales-enablement content hub. Authenticate with a signed-in session cookie or `Authorization: Bearer <token>`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token created in Settings → API tokens",
        },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
  };
}
