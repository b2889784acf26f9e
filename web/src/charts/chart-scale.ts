/** A y axis people can read: whole-number steps of 1, 2 or 5 × 10^k, at most `intervals` of them. */
export function niceScale(maxValue: number, intervals = 5): { max: number; ticks: number[] } {
  const value = Math.max(1, Math.ceil(maxValue));
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5].map((m) => m * magnitude).find((s) => Math.ceil(value / s) <= intervals);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const max = Math.ceil(value / step) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick);
  return { max, ticks };
}

/** Every how many labels to print so that labels `minGap` px apart fit on `width` px. */
export function labelStride(labels: number, width: number, minGap = 44): number {
  if (labels <= 1 || width <= 0) return 1;
  return Math.max(1, Math.ceil((labels * minGap) / width));
}

/** `count` evenly spaced values from `min` to `max` (both included), for a continuous x axis. */
export function spreadTicks(min: number, max: number, count: number): number[] {
  if (max <= min || count < 2) return [min];
  return Array.from({ length: count }, (_, i) => min + ((max - min) * i) / (count - 1));
}

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const plotWidth = (frame: Frame) => Math.max(1, frame.width - frame.left - frame.right);
export const plotHeight = (frame: Frame) => Math.max(1, frame.height - frame.top - frame.bottom);

/** Keeps the first and last x labels inside the drawing. */
export const anchorOf = (index: number, count: number): 'start' | 'middle' | 'end' =>
  count > 1 && index === 0 ? 'start' : count > 1 && index === count - 1 ? 'end' : 'middle';
