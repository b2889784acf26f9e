import { readdirSync, readFileSync } from 'node:fs';
import { datasetUrl } from '../../../../test/support/datasets.ts';

const DATASET = datasetUrl('windows/evtx-to-mitre-attack/jsonl/');

/**
 * The 310 records of the EVTX-to-MITRE-Attack dataset as Winlogbeat-shaped JSON lines (see
 * shared/datasets/README.md), file after file, without blank lines.
 */
export function datasetLines(): string[] {
  return readdirSync(DATASET)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((file) => readFileSync(new URL(file, DATASET), 'utf8').split('\n'))
    .filter((line) => line !== '');
}
