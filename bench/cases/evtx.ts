// Decoding a Windows .evtx file: the file is read once into memory, then decoded `repeat` times
// in a loop (the public samples are small), record by record, as `klaxon parse`/`replay` do.
//   decode: binary XML → the Winlogbeat-shaped document with its rendered XML (event.original)
//   events: the same, then ECS completion and the Windows mapping (what detection receives)
import { readFileSync } from 'node:fs';
import {
  CHUNK_SIZE,
  FILE_HEADER_SIZE,
  decodeEvtxBuffer,
  readChunkEvents,
} from '../../src/parsers/evtx/index.ts';
import { report } from './measure.ts';

const [path, mode, repeatText] = process.argv.slice(2) as [string, string, string];
const repeat = Number(repeatText);
const buf = readFileSync(path);
let records = 0;
let events = 0;
const started = performance.now();
for (let round = 0; round < repeat; round++) {
  if (mode === 'decode') {
    for (const record of decodeEvtxBuffer(buf)) if (record.kind === 'document') records++;
    continue;
  }
  for (let at = FILE_HEADER_SIZE; at + CHUNK_SIZE <= buf.length; at += CHUNK_SIZE) {
    const tally = readChunkEvents(
      buf.subarray(at, at + CHUNK_SIZE),
      () => events++,
      () => {},
    );
    records += tally.records;
  }
}
report({ ms: performance.now() - started, lines: records, events: mode === 'decode' ? records : events });
