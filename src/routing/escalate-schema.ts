import * as z from 'zod';
import type { EscalationStep } from './routes.ts';

const MAX_REPEAT = 100;

/**
 * A route's `escalate:` list: steps `{ after, channels, repeat?, every? }`, each `after` later
 * than the one before (they count from the opening notification). `duration` is the route
 * schema's own duration parser (text → milliseconds).
 */
export function escalateSchema(duration: z.ZodType<number, string>) {
  const step = z
    .strictObject(
      {
        after: duration,
        channels: z
          .array(z.string({ error: 'expected a channel name' }).min(1, 'a channel name must not be empty'), {
            error: 'expected a list of channel names',
          })
          .min(1, 'needs at least one channel'),
        repeat: z
          .number({ error: 'expected a whole number of times' })
          .int('expected a whole number of times')
          .min(1, 'expected at least 1')
          .max(MAX_REPEAT, `expected at most ${MAX_REPEAT}`)
          .default(1),
        every: duration.optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown field ${issue.keys.map((key) => `\`${key}\``).join(', ')}; a step has after, channels, repeat, every`
            : issue.code === 'invalid_type'
              ? 'expected a step like { after: 10m, channels: [oncall-sms] }'
              : undefined,
      },
    )
    .superRefine((parsed, ctx) => {
      if (parsed.repeat > 1 && parsed.every === undefined)
        ctx.addIssue({ code: 'custom', path: ['every'], message: '`repeat` above 1 needs `every`' });
    })
    .transform((parsed): EscalationStep => ({
      afterMs: parsed.after,
      channels: parsed.channels,
      repeat: parsed.repeat,
      everyMs: parsed.every ?? 0,
    }));
  return z
    .array(step, { error: 'expected a list of steps like { after: 10m, channels: [oncall-sms] }' })
    .min(1, 'needs at least one step')
    .superRefine((steps, ctx) => {
      for (let index = 1; index < steps.length; index++) {
        if (steps[index]!.afterMs <= steps[index - 1]!.afterMs)
          ctx.addIssue({
            code: 'custom',
            path: [index, 'after'],
            message: 'must be later than the step before it',
          });
      }
    });
}
