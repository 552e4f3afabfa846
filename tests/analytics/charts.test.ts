import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DropOffChart } from "@/components/analytics/drop-off-chart";
import { TrendChart } from "@/components/analytics/trend-chart";

/** The charts are server-rendered SVG: these read the markup a browser receives. */
const polylines = (html: string) => [...html.matchAll(/<polyline points="([^"]*)"/g)].map((m) => m[1]!);

describe("TrendChart", () => {
  const render = (data: Record<string, string | number | null>[], percent = false) =>
    renderToStaticMarkup(
      createElement(TrendChart, {
        title: "Usages",
        data,
        series: [{ key: "usages", label: "Usages", color: "#4f46e5" }],
        percent,
      }),
    );

  it("draws each week across the plot's width and each value against the top tick", () => {
    const html = render([
      { week: "2026-11-02", usages: 0 },
      { week: "2026-11-09", usages: 20 },
      { week: "2026-11-16", usages: 40 },
    ]);
    expect(polylines(html)).toEqual(["0,100 50,50 100,0"]);
    expect(html).toContain('role="img" aria-label="Usages, by week"');
    for (const tick of ["0", "10", "20", "30", "40"]) expect(html).toContain(`>${tick}</span>`);
  });

  it("breaks the line at a week without a value and shows a lone week as a dot", () => {
    const html = render(
      [
        { week: "2026-11-02", usages: 0.5 },
        { week: "2026-11-09", usages: null },
        { week: "2026-11-16", usages: 0.25 },
        { week: "2026-11-23", usages: 1 },
      ],
      true,
    );
    // Ticks 0, 50% and 100%: the top is 1.
    expect(polylines(html)).toEqual(["0,50 0,50", "66.66666666666666,75 100,0"]);
    expect(html).toContain(">50%</span>");
  });

  it("keeps every figure in the table under the chart", () => {
    const html = render([
      { week: "2026-11-02", usages: 1234 },
      { week: "2026-11-09", usages: 7 },
    ]);
    expect(html).toContain("Show the data");
    expect(html).toMatch(/<td>2026-11-02<\/td><td class="[^"]*">1,234<\/td>/);
    expect(html).toMatch(/<td>2026-11-09<\/td><td class="[^"]*">7<\/td>/);
  });

  it("says so instead of drawing an empty plot when the period has no weeks", () => {
    const html = render([]);
    expect(html).toContain("Nothing recorded in this period.");
    expect(html).not.toContain('role="img"');
  });
});

describe("DropOffChart", () => {
  it("draws one bar per page, as tall as the rooms that reached it against the top tick", () => {
    const html = renderToStaticMarkup(
      createElement(DropOffChart, {
        title: "Page drop-off (3 pages)",
        rows: [
          { page: 1, reached: 4, reachedShare: 1, stopped: 2 },
          { page: 2, reached: 2, reachedShare: 0.5, stopped: 1 },
          { page: 3, reached: 1, reachedShare: 0.25, stopped: 0 },
        ],
      }),
    );
    const heights = [...html.matchAll(/<rect [^>]*height="([^"]*)"/g)].map((m) => Number(m[1]));
    expect(heights).toEqual([100, 50, 25]);
    expect(html).toContain("Page 2: 2 rooms reached it");
    expect(html).toContain('aria-label="Page drop-off (3 pages): rooms that reached each page"');
  });
});
