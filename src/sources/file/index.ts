export { readLineBatches, readFirstLines } from './read-lines.ts';
