import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";

/** The deal-side filters (owner, team, partner, tags) as conditions on a `deals` row aliased `d`. */
export function dealFilterSql(workspaceId: string, f: AnalyticsFilters): SQL {
  const parts: SQL[] = [sql`d.workspace_id = ${workspaceId}`];
  if (f.repId) parts.push(sql`d.owner_id = ${f.repId}`);
  if (f.team) parts.push(sql`EXISTS (SELECT 1 FROM users o WHERE o.id = d.owner_id AND o.team = ${f.team})`);
  if (f.partnerOrgId) parts.push(sql`d.partner_org_id = ${f.partnerOrgId}`);
  if (f.partnerTierId)
    parts.push(
      sql`EXISTS (SELECT 1 FROM partner_orgs po WHERE po.id = d.partner_org_id AND po.tier_id = ${f.partnerTierId})`,
    );
  for (const termId of [f.productId, f.industryId]) {
    if (termId)
      parts.push(
        sql`EXISTS (SELECT 1 FROM deal_terms dt WHERE dt.deal_id = d.id AND dt.term_id = ${termId})`,
      );
  }
  return sql.join(parts, sql` AND `);
}

/**
 * Deals closed within the period, as conditions on `d`. The days are UTC days whatever the session's time
 * zone, as the outcome rollups' close buckets are.
 */
export function closedInPeriodSql(f: AnalyticsFilters): SQL {
  return sql`d.status IN ('won', 'lost') AND ${inUtcPeriodSql(sql`d.closed_at`, f)}`;
}

/** A timestamp within the period's UTC days (whatever the session's time zone), as the rollups bucket. */
export function inUtcPeriodSql(column: SQL, f: AnalyticsFilters): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.from) parts.push(sql`${column} >= ${f.from}::date::timestamp AT TIME ZONE 'UTC'`);
  if (f.to) parts.push(sql`${column} < (${f.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  return sql.join(parts, sql` AND `);
}

/** A timestamp or date expression within the period. */
export function inPeriodSql(column: SQL, f: AnalyticsFilters): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.from) parts.push(sql`${column} >= ${f.from}::date`);
  if (f.to) parts.push(sql`${column} < ${f.to}::date + 1`);
  return sql.join(parts, sql` AND `);
}

export function assetTypeSql(f: AnalyticsFilters): SQL {
  return f.type ? sql`a.type = ${f.type}` : sql`true`;
}
