export type { Incident, RuleFacts } from './incident.ts';
export { IncidentBook } from './incident-book.ts';
