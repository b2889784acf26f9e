export type { MessageContent } from './message-content.ts';
export { describeNotification, evidenceLine, groupText } from './message-content.ts';
export type { ChatActionKind } from './incident-actions.ts';
export { incidentActions, parseActionValue } from './incident-actions.ts';
