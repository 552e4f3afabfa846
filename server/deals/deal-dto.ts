import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { buyingStages, deals, users } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { dealListQuerySchema, dealSchema } from "@/lib/schemas/deals";
import type { Actor } from "@/server/authz/actor";
import { dealVisibility } from "@/server/authz/visibility";
import { dealListWhere } from "./deal-queries";

const dealColumns = {
  deal: deals,
  stageName: buyingStages.name,
  ownerName: users.name,
  // Full microsecond precision for the cursor; a JS Date would round it to milliseconds.
  cursorAt: sql<string>`${deals.updatedAt}::text`,
};

type DealRow = { deal: typeof deals.$inferSelect; stageName: string; ownerName: string };

/** The API's view of a deal (amounts in major units, dates as ISO strings). */
export function toDealDto({ deal, stageName, ownerName }: DealRow): z.input<typeof dealSchema> {
  return {
    id: deal.id,
    name: deal.name,
    accountName: deal.accountName,
    amount: deal.amountMinor / 100,
    currency: deal.currency,
    stageId: deal.stageId,
    stageName,
    status: deal.status,
    closeDate: deal.closeDate,
    closedAt: deal.closedAt?.toISOString() ?? null,
    ownerId: deal.ownerId,
    ownerName,
    lossReasonId: deal.lossReasonId,
    closeNote: deal.closeNote,
    externalSource: deal.externalSource,
    externalId: deal.externalId,
    createdAt: deal.createdAt.toISOString(),
    updatedAt: deal.updatedAt.toISOString(),
  };
}

function selectDeals(db: Database) {
  return db
    .select(dealColumns)
    .from(deals)
    .innerJoin(buyingStages, eq(buyingStages.id, deals.stageId))
    .innerJoin(users, eq(users.id, deals.ownerId));
}

export async function getDealDto(db: Database, actor: Actor, dealId: string) {
  const [row] = await selectDeals(db)
    .where(and(eq(deals.id, dealId), dealVisibility(actor)))
    .limit(1);
  if (!row) throw notFound("Deal not found");
  return toDealDto(row);
}

const encodeCursor = (row: DealRow & { cursorAt: string }) =>
  Buffer.from(JSON.stringify([row.cursorAt, row.deal.id])).toString("base64url");

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeCursor(cursor: string): [string, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof at !== "string" || !TIMESTAMP.test(at) || typeof id !== "string" || !UUID.test(id)) {
      throw new Error("bad cursor");
    }
    return [at, id];
  } catch {
    throw new AppError("validation_failed", "The cursor is invalid", {
      fieldErrors: { cursor: ["Invalid cursor"] },
    });
  }
}

/** Deals the actor may see, newest activity first, in pages keyed by an opaque cursor. */
export async function listDealsPage(db: Database, actor: Actor, query: z.infer<typeof dealListQuerySchema>) {
  const where = dealListWhere(actor, query);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor);
    where.push(sql`(${deals.updatedAt}, ${deals.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await selectDeals(db)
    .where(and(...where))
    .orderBy(desc(deals.updatedAt), desc(deals.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    data: page.map(toDealDto),
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}
