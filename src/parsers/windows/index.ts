import type { ParserDefinition } from '../parser.ts';
import { countJsonSample, createEcsLineParser, createSelectiveEcsParser } from '../ndjson/index.ts';
import { needsWholeWindowsEvent, WINDOWS_ENRICH_READS } from './selective-reads.ts';
import { enrichWindowsEvent } from './enrich-windows-event.ts';
import { looksLikeWinlogbeat } from './looks-like-winlogbeat.ts';
import { adoptNxlogDocument } from './nxlog-document.ts';

export { enrichWindowsEvent } from './enrich-windows-event.ts';
export { adoptNxlogDocument } from './nxlog-document.ts';

/** Above ndjson's 0.9: this parser reads every JSON document ndjson reads, and enriches Windows ones. */
const WINDOWS_CONFIDENCE = 0.95;

export const windowsParser: ParserDefinition = {
  format: 'windows',
  description:
    'Windows Security events as Winlogbeat/Elasticsearch hold them (JSON lines, nested or dotted keys, bare or as search hits) or as NXLog writes them (flat, as in the OTRF Security-Datasets), completed as Winlogbeat does',
  sniff(sample) {
    const count = countJsonSample(sample, looksLikeWinlogbeat);
    if (count.lines === 0 || count.matching === 0) return 0;
    return (WINDOWS_CONFIDENCE * count.objects) / count.lines;
  },
  create: () => createEcsLineParser(enrichWindowsEvent, adoptNxlogDocument),
  createSelective: (_options, fields, lines) =>
    createSelectiveEcsParser({
      format: 'windows',
      fields,
      enrich: enrichWindowsEvent,
      enrichReads: WINDOWS_ENRICH_READS,
      needsWhole: needsWholeWindowsEvent,
      adopt: adoptNxlogDocument,
      lines,
    }),
};
