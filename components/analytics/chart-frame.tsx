import type { ReactNode } from "react";

/** A label under the plot: where it sits (% of the plot's width) and which of its ends sits there. */
export interface XLabel {
  key: string;
  at: number;
  text: string;
  align: "start" | "center" | "end";
}

const alignClass: Record<XLabel["align"], string> = {
  start: "",
  center: "-translate-x-1/2",
  end: "-translate-x-full",
};

/** The y of a value in the plot's 100 × 100 box (0 at the bottom, `top` at the top). */
export const plotY = (value: number, top: number) => 100 - (value / top) * 100;

/**
 * The frame of a chart drawn on the server as SVG, with no script: value labels on the left, the plot,
 * labels under it and a legend. The drawing (`children`) is in a 100 × 100 box stretched to the plot's
 * size (lines keep their width with vector-effect="non-scaling-stroke"), so the chart fits any width;
 * the labels are HTML so they do not stretch. Screen readers get `label` (the frame is one image) and the
 * table of the same numbers that follows every chart.
 */
export function ChartFrame({
  label,
  ticks,
  formatTick,
  xLabels,
  legend = [],
  className,
  children,
}: {
  label: string;
  /** Value-axis ticks from 0 up, the last one the top of the plot. */
  ticks: number[];
  formatTick: (value: number) => string;
  xLabels: XLabel[];
  legend?: { label: string; color: string }[];
  /** The chart's height, e.g. "h-56". */
  className: string;
  children: ReactNode;
}) {
  const top = ticks[ticks.length - 1]!;
  return (
    <div
      role="img"
      aria-label={label}
      className={`flex w-full flex-col text-[11px] text-slate-600 ${className}`}
    >
      <div className="relative ml-12 mr-4 mt-2 min-h-0 flex-1">
        {ticks.map((t) => (
          <span
            key={t}
            className="absolute right-full -translate-y-1/2 whitespace-nowrap pr-2 tabular-nums"
            style={{ top: `${plotY(t, top)}%` }}
          >
            {formatTick(t)}
          </span>
        ))}
        <svg
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          className="absolute inset-0 h-full w-full overflow-visible"
          aria-hidden="true"
          focusable="false"
        >
          {ticks.map((t) => (
            <line
              key={t}
              x1={0}
              x2={100}
              y1={plotY(t, top)}
              y2={plotY(t, top)}
              stroke={t === 0 ? "#94a3b8" : "#e2e8f0"}
              strokeDasharray={t === 0 ? undefined : "3 3"}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {children}
        </svg>
      </div>
      <div className="relative ml-12 mr-4 h-5">
        {xLabels.map((l) => (
          <span
            key={l.key}
            className={`absolute top-1 whitespace-nowrap ${alignClass[l.align]}`}
            style={{ left: `${l.at}%` }}
          >
            {l.text}
          </span>
        ))}
      </div>
      {legend.length ? (
        <div className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs">
          {legend.map((s) => (
            <span key={s.label} className="inline-flex items-center gap-1.5">
              <span className="h-0.5 w-4" style={{ backgroundColor: s.color }} />
              {s.label}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
