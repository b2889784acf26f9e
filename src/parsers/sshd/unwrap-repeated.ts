/** rsyslog's reduction starts so. */
export const REPEATED_PREFIX = 'message repeated ';
const TIMES = ' times: [';
/** Higher counts are taken for garbage rather than replayed as that many events. */
export const MAX_REPEATS = 100_000;

export interface Repeated {
  count: number;
  message: string;
}

/**
 * Reads rsyslog's reduction `message repeated N times: [ MESSAGE]`. Undefined when the message does
 * not start that way; count 0 when it does but is garbled (or N is over MAX_REPEATS).
 */
export function unwrapRepeated(message: string): Repeated | undefined {
  if (!message.startsWith(REPEATED_PREFIX)) return undefined;
  const timesAt = message.indexOf(TIMES, REPEATED_PREFIX.length);
  if (timesAt < 0 || !message.endsWith(']')) return { count: 0, message };
  let count = 0;
  for (let index = REPEATED_PREFIX.length; index < timesAt; index++) {
    const digit = message.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9 || count > MAX_REPEATS) return { count: 0, message };
    count = count * 10 + digit;
  }
  let start = timesAt + TIMES.length;
  while (message.charCodeAt(start) === 32) start++;
  return { count: count > MAX_REPEATS ? 0 : count, message: message.slice(start, -1) };
}

const LAST_MESSAGE = /^last message repeated (\d{1,6}) times?$/;

/** sysklogd's tag-less `last message repeated N times`, which repeats the line before it. N, or undefined. */
export function readLastMessageRepeated(message: string): number | undefined {
  const match = LAST_MESSAGE.exec(message);
  const count = match ? Number(match[1]) : 0;
  return count > 0 && count <= MAX_REPEATS ? count : undefined;
}
