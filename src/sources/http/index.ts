export type { JournalSource, JournalSourceOptions } from './journal-source.ts';
export { createJournalSource } from './journal-source.ts';
