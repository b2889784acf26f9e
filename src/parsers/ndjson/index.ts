import type { ParserDefinition } from '../parser.ts';
import { createEcsLineParser } from './create-ecs-line-parser.ts';
import { createSelectiveEcsParser } from './create-selective-ecs-parser.ts';
import { countJsonSample } from './sniff-json.ts';

export { readEcsDocument } from './read-ecs-document.ts';
export { expandDottedKeys } from './expand-dotted-keys.ts';
export { readEcsObject } from './read-ecs-object.ts';
export type { DocumentSkipReason } from './read-ecs-document.ts';
export { createEcsLineParser } from './create-ecs-line-parser.ts';
export { createSelectiveEcsParser } from './create-selective-ecs-parser.ts';
export { countJsonSample } from './sniff-json.ts';
export { normalizeTimestamp } from './normalize-timestamp.ts';
export { detached } from './project-fields.ts';
export { lineArena } from './match-bytes.ts';
export type { JsonSampleCount } from './sniff-json.ts';

/** Below 1 so that a parser for one specific JSON shape (windows) wins over this generic one. */
const NDJSON_CONFIDENCE = 0.9;

export const ndjsonParser: ParserDefinition = {
  format: 'ndjson',
  description:
    'ECS documents, one JSON object per line (application events, Elasticsearch exports): nested or dotted keys, bare or as search hits',
  sniff(sample) {
    const count = countJsonSample(sample);
    return count.lines === 0 ? 0 : (NDJSON_CONFIDENCE * count.objects) / count.lines;
  },
  create: () => createEcsLineParser(),
  createSelective: (_options, fields, lines) => createSelectiveEcsParser({ fields, lines }),
};
