/** What one benchmark case prints as its last line, for the runner to read. */
export interface CaseResult {
  ms: number;
  lines?: number;
  events?: number;
  incidents?: number;
  maxRssMb: number;
  [extra: string]: number | undefined;
}

export function report(result: Omit<CaseResult, 'maxRssMb'>): void {
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMb })}\n`);
}
