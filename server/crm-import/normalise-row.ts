import "server-only";
import type { ColumnMapping, ImportField } from "@/lib/crm-import/columns";
import { parseAmount, parseDate } from "@/lib/crm-import/parse-values";
import { isUnsafeText } from "@/lib/safe-text";
import type { StageRule } from "./stage-mapping";

export interface ImportRow {
  externalId: string;
  name: string;
  accountName: string;
  amountMinor: number;
  currency: string;
  stageId: string | null;
  status: "open" | "won" | "lost";
  closeDate: string | null;
  ownerId: string;
}

const truthy = new Set(["true", "1", "yes", "y", "won", "closed"]);

/** Turns one CSV record into a deal, or into the reasons it cannot be one. */
export function normaliseRow(
  record: Record<string, string>,
  mapping: ColumnMapping,
  ctx: {
    ruleFor: (crmStage: string) => StageRule | null;
    ownerFor: (email: string) => string | null | undefined;
    defaultOwnerId: string;
  },
): { ok: true; row: ImportRow } | { ok: false; problems: string[] } {
  const get = (field: ImportField) => (mapping[field] ? (record[mapping[field]!] ?? "").trim() : "");
  const problems: string[] = [];
  for (const column of Object.values(mapping)) {
    if (column && isUnsafeText(record[column] ?? ""))
      problems.push(`${column} contains a NUL byte or an unpaired surrogate (binary data?)`);
  }
  if (problems.length) return { ok: false, problems };
  const externalId = get("externalId");
  const name = get("name");
  if (!externalId) problems.push(`${mapping.externalId ?? "Record id"} is empty`);
  else if (externalId.length > 100) problems.push("Record id is longer than 100 characters");
  if (!name) problems.push(`${mapping.name ?? "Deal name"} is empty`);

  const amount = parseAmount(get("amount"));
  if (!amount.ok) problems.push(amount.problem);
  const currencyText = get("currency").toUpperCase();
  if (currencyText && !/^[A-Z]{3}$/.test(currencyText))
    problems.push(`Currency “${currencyText}” is not a three-letter code`);
  const closeDate = parseDate(get("closeDate"));
  if (!closeDate.ok) problems.push(closeDate.problem);

  const crmStage = get("stage");
  const rule = crmStage ? ctx.ruleFor(crmStage) : null;
  if (!crmStage) problems.push("Stage is empty");
  else if (!rule) problems.push(`Stage “${crmStage}” is not mapped to a buying stage`);
  let status: ImportRow["status"] = rule?.status ?? "open";
  const closedFlag = get("isClosed");
  if (get("isWon") && truthy.has(get("isWon").toLowerCase())) status = "won";
  else if (closedFlag && truthy.has(closedFlag.toLowerCase()) && status === "open") status = "lost";

  let ownerId = ctx.defaultOwnerId;
  const ownerEmail = get("ownerEmail").toLowerCase();
  if (ownerEmail) {
    const found = ctx.ownerFor(ownerEmail);
    if (found === null) problems.push(`Owner “${ownerEmail}” is not an active Baton user`);
    else if (found) ownerId = found;
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    row: {
      externalId,
      name: name.slice(0, 200),
      accountName: (get("accountName") || name).slice(0, 200),
      amountMinor: Math.round((amount as { ok: true; value: { amount: number } }).value.amount * 100),
      currency: currencyText || (amount.ok ? amount.value.currency : undefined) || "USD",
      stageId: rule!.stageId,
      status,
      closeDate: (closeDate as { ok: true; value: string | null }).value,
      ownerId,
    },
  };
}
