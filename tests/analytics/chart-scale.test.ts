import { describe, expect, it } from "vitest";
import { axisTicks, labelledPoints } from "@/lib/analytics/chart-scale";

describe("axisTicks", () => {
  it("steps counts by 1, 2 or 5 times a power of ten up to the first tick at or above the maximum", () => {
    expect(axisTicks(37, { whole: true })).toEqual([0, 10, 20, 30, 40]);
    expect(axisTicks(40, { whole: true })).toEqual([0, 10, 20, 30, 40]);
    expect(axisTicks(180, { whole: true })).toEqual([0, 50, 100, 150, 200]);
    expect(axisTicks(7, { whole: true })).toEqual([0, 2, 4, 6, 8]);
  });

  it("never steps a count by less than 1, and still draws an axis when everything is 0", () => {
    expect(axisTicks(2, { whole: true })).toEqual([0, 1, 2]);
    expect(axisTicks(0, { whole: true })).toEqual([0, 1]);
  });

  it("steps shares in round fractions without floating-point noise", () => {
    expect(axisTicks(0.37, { whole: false })).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(axisTicks(1, { whole: false })).toEqual([0, 0.5, 1]);
    expect(axisTicks(0.06, { whole: false })).toEqual([0, 0.02, 0.04, 0.06]);
  });
});

describe("labelledPoints", () => {
  it("labels every point when they all fit", () => {
    expect(labelledPoints(3, 4)).toEqual([0, 1, 2]);
    expect(labelledPoints(0, 4)).toEqual([]);
  });

  it("labels the first, the last and evenly spread points between when they do not", () => {
    expect(labelledPoints(13, 4)).toEqual([0, 4, 8, 12]);
    expect(labelledPoints(10, 4)).toEqual([0, 3, 6, 9]);
    expect(labelledPoints(30, 8)).toHaveLength(8);
    expect(labelledPoints(30, 8).at(-1)).toBe(29);
  });
});
