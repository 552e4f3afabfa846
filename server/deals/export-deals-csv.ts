import "server-only";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { toCsv } from "@/lib/analytics/display";
import type { dealListQuerySchema } from "@/lib/schemas/deals";
import type { Actor } from "@/server/authz/actor";
import { listDealsPage } from "./deal-dto";

type ExportQuery = Omit<z.infer<typeof dealListQuerySchema>, "limit" | "cursor">;

const header = [
  "id",
  "name",
  "accountName",
  "amount",
  "currency",
  "stage",
  "status",
  "closeDate",
  "owner",
  "externalSource",
  "externalId",
  "createdAt",
  "updatedAt",
];

/**
 * A spreadsheet treats a cell starting with =, +, - or @ as a formula; a deal name from a CRM must stay
 * text, so such cells get a leading apostrophe (shown by no spreadsheet, kept by every one).
 */
function cell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
}

/** Every deal the actor may see under the list's filters, newest activity first, as RFC 4180 CSV. */
export async function exportDealsCsv(db: Database, actor: Actor, query: ExportQuery): Promise<string> {
  const rows: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listDealsPage(db, actor, { ...query, limit: 200, cursor });
    for (const d of page.data) {
      rows.push(
        [
          d.id,
          d.name,
          d.accountName,
          d.amount,
          d.currency,
          d.stageName,
          d.status,
          d.closeDate ?? null,
          d.ownerName,
          d.externalSource ?? null,
          d.externalId ?? null,
          d.createdAt,
          d.updatedAt,
        ].map(cell),
      );
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return toCsv(header, rows);
}
