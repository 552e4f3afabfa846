import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

export interface FilterOptions {
  stages: { id: string; name: string }[];
  reps: { id: string; name: string }[];
  teams: string[];
  partnerOrgs: { id: string; name: string }[];
  partnerTiers: { id: string; name: string }[];
  products: { id: string; name: string }[];
  industries: { id: string; name: string }[];
}

/** The choices for the dashboard's filter bar, from the workspace's own data. */
export async function analyticsFilterOptions(db: Database, workspaceId: string): Promise<FilterOptions> {
  const { rows } = await db.execute<{ kind: string; id: string; name: string }>(sql`
    SELECT 'stage' AS kind, id::text, name, position AS ord FROM buying_stages WHERE workspace_id = ${workspaceId}
    UNION ALL SELECT 'rep', id::text, name, 0 FROM users
     WHERE workspace_id = ${workspaceId} AND role IN ('rep', 'partner', 'admin') AND active
    UNION ALL SELECT DISTINCT 'team', team, team, 0 FROM users WHERE workspace_id = ${workspaceId} AND team IS NOT NULL
    UNION ALL SELECT 'org', id::text, name, 0 FROM partner_orgs WHERE workspace_id = ${workspaceId}
    UNION ALL SELECT 'tier', id::text, name, rank FROM partner_tiers WHERE workspace_id = ${workspaceId}
    UNION ALL SELECT kind::text, id::text, name, position FROM taxonomy_terms
     WHERE workspace_id = ${workspaceId} AND kind IN ('product', 'industry')
    ORDER BY 1, 4, 3
  `);
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => ({ id: r.id, name: r.name }));
  return {
    stages: of("stage"),
    reps: of("rep"),
    teams: of("team").map((t) => t.name),
    partnerOrgs: of("org"),
    partnerTiers: of("tier"),
    products: of("product"),
    industries: of("industry"),
  };
}
