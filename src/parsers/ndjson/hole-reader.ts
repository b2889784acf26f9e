import type { HoleSpans, ShapePattern } from './match-shape.ts';

/** The values of the holes of the line a ShapeBook matched last. */
export class HoleReader {
  line = '';
  pattern: ShapePattern | undefined;

  constructor(readonly spans: HoleSpans) {}

  string(hole: number): string {
    const pattern = this.pattern as ShapePattern;
    const step = pattern.stepOf[hole] as number;
    if (step === -1) return pattern.fixed[hole] as string;
    const start = this.spans.starts[step] as number;
    const end = this.spans.ends[step] as number;
    // A string with escapes is decoded with its quotes, which lie just outside the hole.
    if (this.spans.escaped[step] === 1) return JSON.parse(this.line.slice(start - 1, end + 1)) as string;
    return this.line.slice(start, end);
  }

  /** Integers are read from their digits, without a string in between. */
  number(hole: number): number {
    const pattern = this.pattern as ShapePattern;
    const step = pattern.stepOf[hole] as number;
    if (step === -1) return Number(pattern.fixed[hole]);
    const start = this.spans.starts[step] as number;
    const end = this.spans.ends[step] as number;
    const line = this.line;
    // Up to 15 digits are exact in a double; a sign, fraction or exponent goes through Number.
    if (end - start > 15) return Number(line.slice(start, end));
    let value = 0;
    for (let i = start; i < end; i++) {
      const digit = line.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return Number(line.slice(start, end));
      value = value * 10 + digit;
    }
    return value;
  }
}
