export type { MessageContent } from './message-content.ts';
export { describeNotification, evidenceLine, groupText } from './message-content.ts';
