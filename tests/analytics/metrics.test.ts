import { describe, expect, it } from "vitest";
import {
  compareByLift,
  effectiveness,
  MIN_CLOSED_DEALS,
  topDecileShare,
  wilsonInterval,
  winRate,
} from "@/server/analytics/metrics";

// Expected values worked out by hand from the Wilson formula with z = 1.959964, to 4 decimals.
describe("win rate and Wilson interval", () => {
  it("7 of 10 won: 70%, interval 39.68%..89.22%", () => {
    const r = winRate({ won: 7, lost: 3 });
    expect(r).toMatchObject({ won: 7, lost: 3, closed: 10, rate: 0.7 });
    expect(r.interval!.low).toBeCloseTo(0.3968, 4);
    expect(r.interval!.high).toBeCloseTo(0.8922, 4);
  });

  it("all lost or all won stays inside 0..1", () => {
    expect(wilsonInterval(0, 10)!.low).toBe(0);
    expect(wilsonInterval(0, 10)!.high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10)!.low).toBeCloseTo(0.7225, 4);
    expect(wilsonInterval(10, 10)!.high).toBe(1);
  });

  it("zero closed deals: no rate and no interval, never NaN", () => {
    expect(winRate({ won: 0, lost: 0 })).toEqual({ won: 0, lost: 0, closed: 0, rate: null, interval: null });
  });
});

describe("effectiveness", () => {
  it("lift is used minus baseline, in points, with a verdict from the interval", () => {
    const e = effectiveness({ won: 13, lost: 9, wonRevenueMinor: 170_000 }, { won: 6, lost: 12 });
    expect(e.used.rate).toBeCloseTo(0.590909, 6);
    expect(e.baseline.rate).toBeCloseTo(0.333333, 6);
    expect(e.lift).toBeCloseTo(0.257576, 6);
    expect(e.verdict).toBe("higher");
    expect(e.influencedRevenueMinor).toBe(170_000);
  });

  it("an interval that straddles the baseline is unclear, one below it is lower", () => {
    expect(effectiveness({ won: 5, lost: 5, wonRevenueMinor: 0 }, { won: 6, lost: 6 }).verdict).toBe(
      "unclear",
    );
    expect(effectiveness({ won: 0, lost: 10, wonRevenueMinor: 0 }, { won: 6, lost: 4 }).verdict).toBe(
      "lower",
    );
  });

  it(`says too few deals to tell below ${MIN_CLOSED_DEALS} on either side`, () => {
    const fewUsed = effectiveness({ won: 2, lost: 1, wonRevenueMinor: 10 }, { won: 15, lost: 12 });
    expect(fewUsed).toMatchObject({ lift: null, verdict: "too_few", influencedRevenueMinor: 10 });
    expect(fewUsed.used.rate).toBeCloseTo(0.666667, 6);
    const fewBaseline = effectiveness({ won: 9, lost: 3, wonRevenueMinor: 0 }, { won: 9, lost: 0 });
    expect(fewBaseline).toMatchObject({ lift: null, verdict: "too_few" });
    const none = effectiveness({ won: 0, lost: 0, wonRevenueMinor: 0 }, { won: 0, lost: 0 });
    expect(none).toMatchObject({ lift: null, verdict: "too_few" });
  });
});

describe("ordering by lift", () => {
  const row = (title: string, lift: number | null, closed: number) => ({ title, lift, used: { closed } });

  it("puts higher lift first, breaks ties on more deals then title, and too-few last", () => {
    const rows = [
      row("Zeta", 0.1, 12),
      row("Alpha", 0.1, 12),
      row("Few", null, 3),
      row("Best", 0.3, 10),
      row("Bigger", 0.1, 40),
      row("Abacus", null, 3),
    ];
    expect(rows.sort(compareByLift).map((r) => r.title)).toEqual([
      "Best",
      "Bigger",
      "Alpha",
      "Zeta",
      "Abacus",
      "Few",
    ]);
  });
});

describe("usage concentration", () => {
  it("is the share of usage held by the top 10% of assets (at least one)", () => {
    expect(topDecileShare([50, 10, 10, 10, 5, 5, 5, 3, 1, 1])).toBe(0.5);
    expect(topDecileShare([3, 1])).toBe(0.75);
    expect(topDecileShare([0, 0])).toBeNull();
    expect(topDecileShare([])).toBeNull();
  });
});
