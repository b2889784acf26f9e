/** `@klaxon/sdk/node`: the parts that need Node's file system. */
export { fileSpool } from './file-spool.ts';
export type { FileSpoolOptions } from './file-spool.ts';
export type { EventSpool } from './spool.ts';
