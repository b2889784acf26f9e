export type { MessageContent } from './message-content.ts';
export { describeNotification } from './message-content.ts';
export { evidenceLine, groupText } from './message-text.ts';
export type { ChatActionKind } from './incident-actions.ts';
export { incidentActions, parseActionValue } from './incident-actions.ts';
