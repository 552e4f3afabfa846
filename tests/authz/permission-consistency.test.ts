import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "@/server/api/routes";

/**
 * One permission key per operation, whichever door it is called through. An operation is the service
 * function a server action or an API route hands its work to; the test reads every action
 * (authorizedAction) and every route spec (defineRoute, or one of the shapes in route-shapes.ts) and
 * compares the permission each door demands before calling the same service.
 */
interface Door {
  name: string;
  permission: string | null;
  calls: Set<string>;
}

/** The names a file imports from server code (its services), which is what a door can hand work to. */
function serviceImports(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/import \{([^}]+)\} from "(@\/server\/[^"]+|\.\/[^"]+)"/g)) {
    if (/action-client|define-route|route-shapes/.test(m[2]!)) continue;
    for (const name of m[1]!.split(",")) {
      const clean = name.replace(/\btype\b/, "").trim();
      if (clean) names.add(clean);
    }
  }
  return names;
}

/** Splits a file at each `export const X = <opener>` and reads each door's permission and calls. */
function doorsIn(file: string, opener: string, permissionOf: (chunk: string) => string | null): Door[] {
  const source = fs.readFileSync(file, "utf8");
  const services = serviceImports(source);
  const parts = source.split(new RegExp(`\\nexport const (\\w+) = ${opener}`));
  const doors: Door[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const chunk = parts[i + 1]!;
    // Called, or handed over by name (a route shape's `update: updateDeal`).
    const calls = new Set([...chunk.matchAll(/\b(\w+)\b/g)].map((m) => m[1]!).filter((n) => services.has(n)));
    doors.push({ name: parts[i]!, permission: permissionOf(chunk), calls });
  }
  return doors;
}

function filesUnder(dir: string, keep: (file: string, source: string) => boolean): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => keep(file, fs.readFileSync(file, "utf8")));
}

const actions = filesUnder("server", (_, source) => source.startsWith('"use server"')).flatMap((file) =>
  doorsIn(file, "authorizedAction\\(", (chunk) => /^\s*(?:"([\w.]+)"|null)/.exec(chunk)![1] ?? null),
);
const routes = filesUnder("server/api/routes", (file) => !file.endsWith("index.ts")).flatMap((file) =>
  doorsIn(
    file,
    "(?:defineRoute|listRoute|createRoute|updateByIdRoute|deleteByIdRoute)\\(\\{",
    (chunk) => /\bpermission: "([\w.]+)"/.exec(chunk)?.[1] ?? null,
  ),
);

describe("one permission key per operation", () => {
  it("reads every action and every route", () => {
    expect(actions.length).toBeGreaterThanOrEqual(40);
    expect(routes).toHaveLength(apiRoutes.length);
  });

  it("demands the same permission from an action and a route that run the same service", () => {
    const shared = new Map<string, { action: Door; route: Door }[]>();
    for (const action of actions) {
      for (const route of routes) {
        for (const service of action.calls) {
          if (!route.calls.has(service)) continue;
          shared.set(service, [...(shared.get(service) ?? []), { action, route }]);
        }
      }
    }
    // The operations both doors offer, so the comparison below cannot pass by comparing nothing.
    expect([...shared.keys()]).toEqual(
      expect.arrayContaining([
        "createPartnerOrg",
        "updatePartnerOrg",
        "logUsage",
        "updateUsage",
        "rateAsset",
      ]),
    );
    const mismatches = [...shared].flatMap(([service, pairs]) =>
      pairs
        .filter(({ action, route }) => action.permission !== route.permission)
        .map(
          ({ action, route }) =>
            `${service}: ${action.name} needs ${action.permission}, ${route.name} needs ${route.permission}`,
        ),
    );
    expect(mismatches).toEqual([]);
  });
});
