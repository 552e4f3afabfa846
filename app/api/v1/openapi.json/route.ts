import { buildOpenApiDocument } from "@/server/api/openapi";
import { apiRoutes } from "@/server/api/routes";

/** The machine-readable description of every /api/v1 endpoint; public, like any API reference. */
export function GET(request: Request) {
  return Response.json(buildOpenApiDocument(apiRoutes, new URL(request.url).origin));
}
