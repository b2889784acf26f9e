import { clipText } from '../clip-text.ts';
import type { Notification } from '../../core/index.ts';
import { describeNotification, groupText } from '../message/index.ts';
import { measureSmsText, normalizeSmsText } from './sms-text.ts';

/** Twilio refuses a Body over 1,600 characters. */
export const SMS_BODY_LIMIT = 1600;

const MIN_SUBJECT = 12;
const MIN_WHO = 24;

/**
 * `[P1] #42 SSH brute force from one address - opened: source.ip=203.0.113.9, 147 events. <link>`.
 * One segment (160 GSM characters) is preferred: the incident title is clipped first, then the
 * group; the serial, the verb, the count and the link are never clipped. When even that does not
 * fit one segment, the whole text goes as a longer message, capped at 1,600 with the link kept.
 */
export function composeSmsBody(notification: Notification): string {
  const content = describeNotification(notification);
  const incident = notification.incident;
  const link = content.link === undefined ? '' : ` ${content.link}`;
  let build: (subject: string, who: string) => string;
  let subject: string;
  let who = '';
  if (incident && content.facts.length > 0) {
    subject = incident.title;
    who = groupText(incident);
    build = (s, w) => `${content.title.replace(incident.title, () => s)}: ${w}, ${incident.count} events.`;
  } else {
    subject = content.facts.find(([label]) => label === '')?.[1] ?? '';
    build = (s) => (s ? `${content.title}: ${s}` : content.title);
  }
  const render = (subjectChars: number, whoChars: number) =>
    normalizeSmsText(`${build(clip(subject, subjectChars), clip(who, whoChars))}${link}`);

  const full = render(subject.length, who.length);
  return shrinkToSegment(render, subject.length, who.length) ?? capLength(full, normalizeSmsText(link));
}

function shrinkToSegment(
  render: (subjectChars: number, whoChars: number) => string,
  subjectChars: number,
  whoChars: number,
): string | undefined {
  let s = subjectChars;
  let w = whoChars;
  for (;;) {
    const text = render(s, w);
    const size = measureSmsText(text);
    if (size.units <= size.segment) return text;
    const over = size.units - size.segment;
    if (s > MIN_SUBJECT) s = Math.max(MIN_SUBJECT, s - over);
    else if (w > MIN_WHO) w = Math.max(MIN_WHO, w - over);
    else return undefined;
  }
}

function capLength(text: string, link: string): string {
  if (text.length <= SMS_BODY_LIMIT) return text;
  const keep = link.length > 0 && link.length < SMS_BODY_LIMIT / 2 ? link : '';
  return `${clip(text, SMS_BODY_LIMIT - keep.length - (keep ? 1 : 0))}${keep ? ` ${keep}` : ''}`;
}

/** Clipped with `...` rather than `…`, which is not GSM and would make the message UCS-2. */
function clip(text: string, max: number): string {
  return clipText(text, max, '...');
}
