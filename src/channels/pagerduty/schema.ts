import { z } from 'zod';

export const PAGERDUTY_DEFAULT_BASE_URL = 'https://events.pagerduty.com';

export const pagerdutyConfigSchema = z
  .object({
    /** `payload.source`: where the problem is; PagerDuty groups and searches alerts by it. */
    source: z.string().min(1).max(255).default('klaxon'),
    /** Optional `payload.component` and `payload.group` for PagerDuty's alert grouping. */
    component: z.string().min(1).max(255).optional(),
    group: z.string().min(1).max(255).optional(),
    /** EU accounts use https://events.eu.pagerduty.com. */
    base_url: z
      .url({ protocol: /^https?$/, message: 'base_url must be an http:// or https:// URL' })
      .refine((url) => !/[?#]/.test(url), 'base_url must not carry a query or fragment')
      .default(PAGERDUTY_DEFAULT_BASE_URL),
  })
  .strict();

export const pagerdutySecretsSchema = z
  .object({
    /** The integration (routing) key of an Events API v2 integration: 32 characters. */
    routing_key: z
      .string()
      .regex(/^[A-Za-z0-9]{32}$/, 'routing_key must be the 32-character integration key'),
  })
  .strict();

export type PagerdutyConfig = z.infer<typeof pagerdutyConfigSchema>;
export type PagerdutySecrets = z.infer<typeof pagerdutySecretsSchema>;
