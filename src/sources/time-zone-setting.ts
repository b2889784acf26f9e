import { checkTimeZone } from '../core/index.ts';
import * as z from 'zod';

/**
 * A source's `timezone:`, the zone of the times its logs write without one (RFC 3164 syslog,
 * Apache's and MySQL's error logs, ...): an IANA name, `local` or an offset. Default UTC.
 */
export const timeZoneSetting = z
  .string({ error: 'expected a time zone such as Europe/Berlin, local or +02:00' })
  .superRefine((text, context) => {
    const problem = checkTimeZone(text);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  })
  .optional();
