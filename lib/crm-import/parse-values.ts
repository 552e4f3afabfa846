import { EARLIEST_DATE, isDateInRange, LATEST_DATE } from "@/lib/date-range";

/** Parsers for the money and date formats CRM exports use, each answering a value or a readable problem. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const currencySymbols: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" };

/**
 * Accepts "1200.50", "USD 1,200.50", "$1,200", "1.200,50 €", "1 200,50", "(1,200.00)" is refused (negative).
 * A lone separator followed by exactly three digits is a thousands separator; otherwise it is decimal.
 */
export function parseAmount(raw: string): Parsed<{ amount: number; currency?: string }> {
  let text = raw.trim();
  if (text === "") return { ok: true, value: { amount: 0 } };
  let currency: string | undefined;
  const code = /^([A-Za-z]{3})\s*|\s*([A-Za-z]{3})$/.exec(text);
  if (code) {
    currency = (code[1] ?? code[2])!.toUpperCase();
    text = text.replace(code[0], "");
  }
  for (const [symbol, iso] of Object.entries(currencySymbols)) {
    if (text.includes(symbol)) {
      currency ??= iso;
      text = text.replace(symbol, "");
    }
  }
  text = text.replace(/[\s\u00a0']/g, "");
  if (text.startsWith("-") || text.startsWith("("))
    return { ok: false, problem: `Amount “${raw}” is negative` };
  if (!/^\d[\d.,]*$/.test(text)) return { ok: false, problem: `Amount “${raw}” is not a number` };
  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const thousands = decimal === "." ? "," : ".";
    normalised = text.split(thousands).join("").replace(decimal, ".");
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? "." : ",";
    const parts = text.split(sep);
    const thousandsLike = parts.length > 2 || (parts.length === 2 && parts[1]!.length === 3);
    normalised = thousandsLike ? parts.join("") : parts.join(".");
  } else normalised = text;
  const amount = Number(normalised);
  if (!Number.isFinite(amount) || amount > 1e12)
    return { ok: false, problem: `Amount “${raw}” is not a valid amount` };
  return { ok: true, value: { amount: Math.round(amount * 100) / 100, currency } };
}

const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function iso(y: number, m: number, d: number): Parsed<string> {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, problem: "is not a real calendar date" };
  }
  const value = date.toISOString().slice(0, 10);
  return isDateInRange(value)
    ? { ok: true, value }
    : { ok: false, problem: `is outside ${EARLIEST_DATE} to ${LATEST_DATE}` };
}

/**
 * Accepts ISO dates (with or without a time), "12/31/2026" (US, as Salesforce and HubSpot export in US
 * locales), "31.12.2026" (European dotted), "31 Dec 2026" and "Dec 31, 2026". Slash dates whose first part
 * is over 12 are read day-first.
 */
export function parseDate(raw: string): Parsed<string | null> {
  const text = raw.trim();
  if (text === "") return { ok: true, value: null };
  const fail = (why?: string): Parsed<string | null> => ({
    ok: false,
    problem: `Date “${raw}” ${why ?? "is not in a recognised format (use YYYY-MM-DD)"}`,
  });
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return wrap(iso(+m[1]!, +m[2]!, +m[3]!));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s+[\d:]+(?:\s*[AP]M)?)?$/i.exec(text);
  if (m) {
    const [a, b, y] = [+m[1]!, +m[2]!, normaliseYear(+m[3]!)];
    return wrap(a > 12 ? iso(y, b, a) : iso(y, a, b));
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return wrap(iso(+m[3]!, +m[2]!, +m[1]!));
  m = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*[ -](\d{4})$/.exec(text);
  if (m && months.includes(m[2]!.toLowerCase()))
    return wrap(iso(+m[3]!, months.indexOf(m[2]!.toLowerCase()) + 1, +m[1]!));
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(text);
  if (m && months.includes(m[1]!.toLowerCase()))
    return wrap(iso(+m[3]!, months.indexOf(m[1]!.toLowerCase()) + 1, +m[2]!));
  return fail();

  function wrap(result: Parsed<string>): Parsed<string | null> {
    return result.ok ? result : fail(result.problem);
  }
}

function normaliseYear(y: number) {
  return y < 100 ? 2000 + y : y;
}
