export type { MessageContent } from './message-content.ts';
export { describeNotification, groupText } from './message-content.ts';
