import { describe, expect, it } from 'vitest';
import { webhookConfigSchema, webhookSecretsSchema } from './schema.ts';
import { NEW_SECRET, OLD_SECRET } from './testdata/secrets.ts';

describe('webhook schemas', () => {
  it('fills defaults: POST, no headers, 256 KiB bodies', () => {
    expect(webhookConfigSchema.parse({ url: 'http://10.0.0.5:8080/hook' })).toEqual({
      url: 'http://10.0.0.5:8080/hook',
      method: 'POST',
      headers: {},
      max_body_bytes: 262_144,
    });
  });

  it('splits one variable holding several space-separated keys into a rotation list', () => {
    const secrets = webhookSecretsSchema.parse({ signing_secrets: ` ${NEW_SECRET}  ${OLD_SECRET} ` });
    expect(secrets.signing_secrets).toEqual([NEW_SECRET, OLD_SECRET]);
  });

  it('names the rule a bad key breaks without echoing the key', () => {
    const result = webhookSecretsSchema.safeParse({ signing_secrets: 'whsec_c2hvcnQ=' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/24\.\.64 bytes/);
    expect(JSON.stringify(result.error?.issues)).not.toContain('c2hvcnQ');
  });

  it('rejects header names Klaxon sets itself, in any case', () => {
    const result = webhookConfigSchema.safeParse({
      url: 'https://a.example/',
      headers: { 'Webhook-Id': 'x' },
    });
    expect(result.error?.issues[0]?.message).toMatch(/set by Klaxon/);
  });
});
