import { describe, expect, it } from "vitest";
import { parseAmount, parseDate } from "@/lib/crm-import/parse-values";

describe("parseAmount", () => {
  it.each([
    ["1200.50", 1200.5, undefined],
    ["USD 1,200.50", 1200.5, "USD"],
    ["1.200,50", 1200.5, undefined],
    ["$1,200", 1200, "USD"],
    ["1,200", 1200, undefined],
    ["1.200", 1200, undefined],
    ["12,5", 12.5, undefined],
    ["1 234 567,89 €", 1234567.89, "EUR"],
    ["£ 950", 950, "GBP"],
    ["EUR 3.000.000", 3000000, "EUR"],
    ["", 0, undefined],
  ])("reads %j as %d %s", (raw, amount, currency) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value: { amount, currency } });
  });

  it.each(["-5", "(1,200.00)", "twelve", "1e5", "12..5x"])("refuses %j with a reason", (raw) => {
    const r = parseAmount(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(raw);
  });
});

describe("parseDate", () => {
  it.each([
    ["2026-03-31", "2026-03-31"],
    ["2026-03-31T10:00:00Z", "2026-03-31"],
    ["2026-03-31 10:00", "2026-03-31"],
    ["3/31/2026", "2026-03-31"],
    ["31/3/2026", "2026-03-31"],
    ["03/04/2026", "2026-03-04"],
    ["31.03.2026", "2026-03-31"],
    ["31 Mar 2026", "2026-03-31"],
    ["March 31, 2026", "2026-03-31"],
    ["3/31/26", "2026-03-31"],
    ["", null],
  ])("reads %j as %s", (raw, iso) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: iso });
  });

  it.each(["2026-02-30", "13/13/2026", "next Tuesday", "31-31-2026"])("refuses %j", (raw) => {
    expect(parseDate(raw).ok).toBe(false);
  });
});
