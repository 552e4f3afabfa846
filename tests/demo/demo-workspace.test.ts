import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { authenticateWithPassword } from "@/server/auth/authenticate";
import { loadActor } from "@/server/authz/actor";
import {
  demoAccounts,
  DEMO_PASSWORD,
  hasAnyWorkspace,
  seedDemoWorkspace,
} from "@/server/demo/demo-workspace";
import { processFile } from "@/server/files/process-file";
import { searchAssets } from "@/server/search/search-assets";
import { createLocalStorage } from "@/server/storage/local-storage";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let summary: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let seededBy: Date;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "baton-demo-test-"));
const storage = createLocalStorage(root);

beforeAll(async () => {
  handle = await createTestDatabase();
  expect(await hasAnyWorkspace(handle.db)).toBe(false);
  summary = await seedDemoWorkspace(handle.db, storage);
  seededBy = new Date();
}, 180_000);
afterAll(async () => {
  await handle.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await handle.db.execute<T>(query)).rows[0]!;

describe("demo workspace", () => {
  it("dates nothing that happened after the moment it was seeded, so the charts end today", async () => {
    // Only these look ahead: when an asset expires or is due for review, a lockout's end, a deal's expected close.
    const forwardLooking = ["expires_at", "review_by", "blocked_until", "close_date"];
    const columns = await handle.db.execute<{ table: string; column: string }>(sql`
      select table_name as "table", column_name as "column" from information_schema.columns
      where table_schema = 'public' and data_type in ('timestamp with time zone', 'timestamp without time zone', 'date')
        and column_name <> all(${`{${forwardLooking.join(",")}}`}::text[])
      order by table_name, column_name`);
    expect(columns.rows.length).toBeGreaterThan(30);
    const late: string[] = [];
    for (const { table, column } of columns.rows) {
      const latest = await one<{ at: Date | string | null }>(
        sql`select max(${sql.identifier(column)})::timestamptz as at from ${sql.identifier(table)}`,
      );
      if (latest.at && new Date(latest.at) > seededBy) late.push(`${table}.${column} = ${String(latest.at)}`);
    }
    expect(late).toEqual([]);
    const lastUsage = await one<{ at: Date | string }>(sql`select max(created_at) as at from asset_usages`);
    expect(seededBy.getTime() - new Date(lastUsage.at).getTime()).toBeLessThan(3 * 86_400_000);
  });

  it("has people in every role, partner orgs on four tiers, and every account signs in", async () => {
    expect(await hasAnyWorkspace(handle.db)).toBe(true);
    const roles = await handle.db.execute<{ role: string; n: number }>(
      sql`select role, count(*)::int as n from users group by role`,
    );
    expect(Object.fromEntries(roles.rows.map((r) => [r.role, r.n]))).toEqual({
      admin: 1,
      marketer: 3,
      rep: 12,
      partner: 5,
    });
    const tiers = await one<{ n: number }>(sql`select count(distinct tier_id)::int as n from partner_orgs`);
    expect(tiers.n).toBe(4);
    for (const role of ["admin", "marketer", "rep", "partner"] as const) {
      const account = demoAccounts.find((a) => a.role === role)!;
      await expect(
        authenticateWithPassword(
          handle.db,
          { email: account.email, password: DEMO_PASSWORD, ip: null },
          { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
        ),
      ).resolves.toMatchObject({ role });
    }
  });

  it("has ~150 assets over every type and stage, with real stored files", async () => {
    expect(summary.assets).toBeGreaterThanOrEqual(140);
    const types = await one<{ n: number }>(sql`select count(distinct type)::int as n from assets`);
    expect(types.n).toBe(11);
    const stages = await one<{ n: number }>(sql`select count(distinct stage_id)::int as n from asset_stages`);
    expect(stages.n).toBe(6);
    const statuses = await handle.db.execute<{ status: string }>(sql`select distinct status from assets`);
    expect(statuses.rows.map((r) => r.status).sort()).toEqual([
      "archived",
      "draft",
      "in_review",
      "published",
    ]);
    const expired = await one<{ n: number }>(
      sql`select count(*)::int as n from assets where status = 'published' and expires_at < now()`,
    );
    expect(expired.n).toBeGreaterThan(0);

    const byMime = await handle.db.execute<{ mime_type: string; storage_key: string }>(
      sql`select distinct on (mime_type) mime_type, storage_key from files order by mime_type, created_at`,
    );
    const read = async (key: string) => {
      const { body } = await storage.get(key);
      const chunks: Buffer[] = [];
      for await (const c of body) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    };
    for (const { mime_type, storage_key } of byMime.rows) {
      const bytes = await read(storage_key);
      if (mime_type === "application/pdf")
        expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(0);
      else if (mime_type.includes("openxmlformats")) expect(bytes.subarray(0, 2).toString()).toBe("PK");
      else expect(bytes.toString("utf8")).toMatch(/^# /);
    }
    const dupes = await one<{ n: number }>(
      sql`select count(*)::int - count(distinct sha256)::int as n from files`,
    );
    expect(dupes.n).toBe(0);
  });

  it("has ~400 deals with stage history, usages and outcomes that carry a real signal", async () => {
    expect(summary.deals).toBe(400);
    const status = await handle.db.execute<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from deals group by status`,
    );
    const counts = Object.fromEntries(status.rows.map((r) => [r.status, r.n]));
    expect(counts.won! + counts.lost!).toBeGreaterThan(200);
    expect(counts.open).toBeGreaterThan(80);
    const noHistory = await one<{ n: number }>(
      sql`select count(*)::int as n from deals d where not exists (select 1 from deal_stage_history h where h.deal_id = d.id)`,
    );
    expect(noHistory.n).toBe(0);

    const rate = async (ids: string[], used: boolean) =>
      one<{ won: number; closed: number }>(sql`
        select count(*) filter (where status = 'won')::int as won, count(*)::int as closed from deals d
        where status <> 'open' and ${used ? sql`` : sql`not`} exists (
          select 1 from asset_usages u where u.deal_id = d.id and u.asset_id in ${sql.raw(`('${ids.join("','")}')`)})`);
    const withStrong = await rate(summary.strong, true);
    const withoutStrong = await rate(summary.strong, false);
    expect(withStrong.closed).toBeGreaterThan(30);
    expect(withStrong.won / withStrong.closed).toBeGreaterThan(
      withoutStrong.won / withoutStrong.closed + 0.12,
    );

    const neverUsed = await one<{ n: number }>(
      sql`select count(*)::int as n from assets a where status = 'published' and not exists (select 1 from asset_usages u where u.asset_id = a.id)`,
    );
    expect(neverUsed.n).toBeGreaterThanOrEqual(20);
    const zeroSearches = await one<{ n: number }>(
      sql`select count(*)::int as n from activity_events where kind = 'search' and result_count = 0`,
    );
    expect(zeroSearches.n).toBeGreaterThan(0);
  });

  it("has two plays whose steps each use live published assets at the step's stage", async () => {
    expect(summary.plays).toBe(2);
    const steps = await handle.db.execute<{ name: string; steps: number; bad: number }>(sql`
      select p.name, count(distinct s.id)::int as steps,
        count(*) filter (where a.status <> 'published' or (a.expires_at is not null and a.expires_at <= now())
          or not exists (select 1 from asset_stages st where st.asset_id = a.id and st.stage_id = s.stage_id))::int as bad
      from plays p join play_steps s on s.play_id = p.id
      join play_step_assets psa on psa.step_id = s.id join assets a on a.id = psa.asset_id
      group by p.name order by p.name`);
    expect(steps.rows.map((r) => r.name)).toEqual(["Competitive displacement", "Healthcare expansion"]);
    for (const row of steps.rows) {
      expect(row.steps).toBeGreaterThanOrEqual(3);
      expect(row.bad).toBe(0);
    }
  });

  it("has rep ratings where strong assets helped more often than weak ones, and open questions", async () => {
    expect(summary.ratings).toBeGreaterThan(30);
    const share = async (ids: string[]) =>
      one<{ helped: number; total: number }>(sql`
        select count(*) filter (where helped)::int as helped, count(*)::int as total from asset_ratings
        where asset_id in ${sql.raw(`('${ids.join("','")}')`)}`);
    const strong = await share(summary.strong);
    const weak = await share(summary.weak);
    expect(strong.total).toBeGreaterThan(0);
    expect(weak.total).toBeGreaterThan(0);
    expect(strong.helped / strong.total).toBeGreaterThan(weak.helped / weak.total);
    const open = await one<{ n: number }>(
      sql`select count(*)::int as n from asset_comments where parent_id is null and resolved_at is null`,
    );
    expect(open.n).toBeGreaterThan(0);
  });

  it("a partner-only kit is granted to exactly one org", async () => {
    const kit = await one<{ orgs: number }>(
      sql`select count(*)::int as orgs from asset_partner_orgs apo join assets a on a.id = apo.asset_id where a.partner_access = 'orgs'`,
    );
    expect(kit.orgs).toBe(1);
  });

  it("a seeded file's text becomes searchable once the processing job has extracted it", async () => {
    const pdf = await one<{ assetId: string; fileId: string; known: string }>(sql`
      select a.id as "assetId", f.id as "fileId", lower(a.title || ' ' || a.description) as known
      from assets a join asset_versions v on v.id = a.current_version_id join files f on f.id = v.file_id
      where a.status = 'published' and (a.expires_at is null or a.expires_at > now())
        and f.mime_type = 'application/pdf'
      order by a.title limit 1`);
    expect(await processFile(handle.db, storage, pdf.fileId, { finalAttempt: true })).toBe("done");
    const { text } = await one<{ text: string }>(
      sql`select extracted_text as text from files where id = ${pdf.fileId}`,
    );
    const word = text
      .toLowerCase()
      .split(/[^a-z]+/)
      .find((w) => w.length >= 7 && !pdf.known.includes(w));
    expect(word).toBeDefined();
    const rep = await one<{ id: string }>(
      sql`select id from users where role = 'rep' order by email limit 1`,
    );
    const result = await searchAssets(handle.db, (await loadActor(handle.db, rep.id))!, {
      q: word!,
      limit: 50,
    });
    const hit = result.items.find((i) => i.id === pdf.assetId);
    expect(hit).toBeDefined();
    expect(hit!.snippet).toContain("«");
  });
});
