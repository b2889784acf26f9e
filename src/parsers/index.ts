export type { EmitEvent, LineParser, ParserDefinition, ParserOptions } from './parser.ts';
export { sshdParser } from './sshd/index.ts';
export { windowsParser, enrichWindowsEvent } from './windows/index.ts';
export { ndjsonParser } from './ndjson/index.ts';
export { readEcsObject, expandDottedKeys } from './ndjson/index.ts';
export { parserDefinitions, findParser, chooseParser } from './registry.ts';
export { SNIFF_LINES, MIN_SNIFF_SCORE } from './choose-parser.ts';
export type { ParserChoice, ParserScore } from './choose-parser.ts';
export { summarizeEvent } from './summarize/index.ts';
