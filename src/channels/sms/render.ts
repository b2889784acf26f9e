import type { Notification } from '../../core/index.ts';
import { composeSmsBody } from './compose-body.ts';
import type { SmsConfig } from './schema.ts';

/** The form fields of Twilio's `POST /Messages.json`, with Twilio's own capitalised names. */
export interface SmsMessage {
  To: string;
  From?: string;
  MessagingServiceSid?: string;
  Body: string;
}

export function renderSms(notification: Notification, config: SmsConfig): SmsMessage {
  return {
    To: config.to,
    ...(config.from !== undefined && { From: config.from }),
    ...(config.messaging_service_sid !== undefined && { MessagingServiceSid: config.messaging_service_sid }),
    Body: composeSmsBody(notification),
  };
}
