import { useRef } from 'react';
import type { Frame } from './chart-scale.ts';
import { anchorOf, labelStride, niceScale, plotHeight, plotWidth, spreadTicks } from './chart-scale.ts';
import { AxisTitles } from './axis-titles.tsx';
import { ChartLegend } from './chart-legend.tsx';
import { useWidth } from './use-width.ts';
import { YAxis } from './y-axis.tsx';

export interface LineSeries {
  label: string;
  /** CSS class that colours the series (`series-0`, ...). */
  className: string;
  points: { x: number; y: number }[];
}

interface LineChartProps {
  title: string;
  series: LineSeries[];
  formatX: (x: number) => string;
  /** Where to put x labels; by default evenly spread over the x range (a continuous axis). */
  xTicks?: number[];
  legend?: boolean;
  /** Axis titles shown under the chart. */
  axes?: { x: string; y: string };
}

/** The drawing's height and the room around the plot for axis labels, in px. */
const LAYOUT = { height: 220, left: 40, right: 14, top: 10, bottom: 24 };

/** Lines with a dot per point; hovering a dot shows its value. */
export function LineChart({ title, series, formatX, xTicks, legend = true, axes }: LineChartProps) {
  const box = useRef<HTMLElement>(null);
  const frame: Frame = { width: useWidth(box), ...LAYOUT };
  const all = series.flatMap((s) => s.points);
  if (all.length === 0)
    return (
      <figure className="chart" ref={box}>
        <p className="muted">No data to draw.</p>
      </figure>
    );
  const minX = Math.min(...all.map((p) => p.x));
  const maxX = Math.max(...all.map((p) => p.x));
  const { max: maxY, ticks: yTicks } = niceScale(Math.max(0, ...all.map((p) => p.y)));
  const toX = (x: number) =>
    frame.left + (maxX === minX ? plotWidth(frame) / 2 : ((x - minX) / (maxX - minX)) * plotWidth(frame));
  const toY = (y: number) => frame.top + plotHeight(frame) - (y / maxY) * plotHeight(frame);
  const candidates = xTicks ?? spreadTicks(minX, maxX, Math.max(2, Math.floor(plotWidth(frame) / 110)));
  const stride = labelStride(candidates.length, plotWidth(frame), 64);
  const shown = candidates.filter((_, i) => i % stride === 0);
  return (
    <figure className="chart" ref={box}>
      <svg width={frame.width} height={frame.height} role="img" aria-label={title}>
        <YAxis frame={frame} max={maxY} ticks={yTicks} />
        {shown.map((x, i) => (
          <text
            key={i}
            className="chart-axis"
            x={toX(x)}
            y={frame.height - 6}
            textAnchor={anchorOf(i, shown.length)}
          >
            {formatX(x)}
          </text>
        ))}
        {series.map((s) => (
          <g key={s.label} className={`chart-line ${s.className}`}>
            <path d={s.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${toX(p.x)},${toY(p.y)}`).join('')} />
            {s.points.map((p, i) => (
              <circle key={i} cx={toX(p.x)} cy={toY(p.y)} r={3.5}>
                <title>{`${s.label} · ${formatX(p.x)}: ${p.y}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      {legend && <ChartLegend items={series} />}
      {axes && <AxisTitles x={axes.x} y={axes.y} />}
    </figure>
  );
}
