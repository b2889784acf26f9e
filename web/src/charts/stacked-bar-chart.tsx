import { useRef } from 'react';
import type { Frame } from './chart-scale.ts';
import { labelStride, niceScale, plotHeight, plotWidth } from './chart-scale.ts';
import { AxisTitles } from './axis-titles.tsx';
import { ChartLegend } from './chart-legend.tsx';
import { useWidth } from './use-width.ts';
import { YAxis } from './y-axis.tsx';

export interface BarSeries {
  label: string;
  /** CSS class that colours the series (`fill-P1`, ...). */
  className: string;
  values: number[];
}

interface StackedBarChartProps {
  title: string;
  labels: string[];
  /** Shorter text for the x axis. */
  formatLabel?: (label: string) => string;
  series: BarSeries[];
  /** Axis titles shown under the chart. */
  axes?: { x: string; y: string };
}

/** The drawing's height and the room around the plot for axis labels, in px. */
const LAYOUT = { height: 220, left: 34, right: 8, top: 10, bottom: 24 };

/** One bar per label, the series stacked bottom-up in the order given. */
export function StackedBarChart({ title, labels, formatLabel, series, axes }: StackedBarChartProps) {
  const box = useRef<HTMLElement>(null);
  const frame: Frame = { width: useWidth(box), ...LAYOUT };
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const { max, ticks } = niceScale(Math.max(0, ...totals));
  const band = plotWidth(frame) / Math.max(1, labels.length);
  const barWidth = Math.max(2, band * 0.7);
  const scale = plotHeight(frame) / max;
  const stride = labelStride(labels.length, plotWidth(frame));
  const baseline = frame.top + plotHeight(frame);
  return (
    <figure className="chart" ref={box}>
      <svg width={frame.width} height={frame.height} role="img" aria-label={title}>
        <YAxis frame={frame} max={max} ticks={ticks} />
        {labels.map((label, i) => {
          let y = baseline;
          const x = frame.left + i * band + (band - barWidth) / 2;
          return (
            <g key={label}>
              {series.map((s) => {
                const value = s.values[i] ?? 0;
                if (value === 0) return null;
                y -= value * scale;
                return (
                  <rect
                    key={s.label}
                    x={x}
                    y={y}
                    width={barWidth}
                    height={value * scale}
                    className={s.className}
                  >
                    <title>{`${label} ${s.label}: ${value}`}</title>
                  </rect>
                );
              })}
              {i % stride === 0 && (
                <text className="chart-axis" x={x + barWidth / 2} y={frame.height - 6} textAnchor="middle">
                  {formatLabel ? formatLabel(label) : label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ChartLegend items={series} />
      {axes && <AxisTitles x={axes.x} y={axes.y} />}
    </figure>
  );
}
