import type { ParserDefinition } from '../parser.ts';
import { countJsonSample } from '../ndjson/index.ts';
import { createCowrieParser } from './create-cowrie-parser.ts';

export const cowrieParser: ParserDefinition = {
  format: 'cowrie',
  description: 'Cowrie honeypot JSON log (cowrie.json): logins and sessions, passwords left out',
  sniff(sample) {
    const count = countJsonSample(
      sample,
      (doc) => typeof doc.eventid === 'string' && doc.eventid.startsWith('cowrie.'),
    );
    // Any Cowrie record beats the generic ndjson parser (0.9) once most lines are Cowrie's.
    return count.lines === 0 || count.matching * 2 < count.lines
      ? 0
      : 0.5 + (0.5 * count.matching) / count.lines;
  },
  create: () => createCowrieParser(),
};
