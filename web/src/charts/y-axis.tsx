import type { Frame } from './chart-scale.ts';
import { plotHeight } from './chart-scale.ts';

/** Horizontal grid lines with their values on the left. */
export function YAxis({ frame, max, ticks }: { frame: Frame; max: number; ticks: number[] }) {
  const height = plotHeight(frame);
  return (
    <g className="chart-axis">
      {ticks.map((tick) => {
        const y = frame.top + height - (tick / max) * height;
        return (
          <g key={tick}>
            <line x1={frame.left} x2={frame.width - frame.right} y1={y} y2={y} className="chart-grid" />
            <text x={frame.left - 6} y={y} dy="0.32em" textAnchor="end">
              {tick}
            </text>
          </g>
        );
      })}
    </g>
  );
}
