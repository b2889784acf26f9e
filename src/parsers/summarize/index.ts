export { summarizeEvent } from './summarize-event.ts';
