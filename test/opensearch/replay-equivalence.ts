import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRules, runReplay } from '../../src/app/index.ts';
import type { Incident } from '../../src/core/index.ts';

/** What makes two incidents the same: rule, group, how many events, from when to when. */
export function incidentKeys(incidents: readonly Incident[]): string[] {
  return incidents
    .map((incident) =>
      [
        incident.ruleId,
        JSON.stringify(incident.group),
        incident.count,
        new Date(incident.firstSeen).toISOString(),
        new Date(incident.lastSeen).toISOString(),
      ].join(' '),
    )
    .sort();
}

/** `klaxon replay` with the shipped rules over files; the incidents' keys. */
export async function replayFiles(files: string[], options: { year?: number } = {}): Promise<string[]> {
  const rules = await loadRules(undefined);
  const report = await runReplay({ inputs: files, rules, ...options });
  return incidentKeys(report.incidents);
}

/** The same replay over search hits as the source delivered them (one JSON hit a line). */
export async function replayHits(hits: readonly Record<string, unknown>[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-hits-'));
  try {
    const file = join(dir, 'hits.ndjson');
    writeFileSync(file, hits.map((hit) => JSON.stringify(hit)).join('\n') + '\n');
    return await replayFiles([file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
