import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signHubSignature, signStandardWebhook } from './sign.ts';
import { NEW_SECRET, OLD_SECRET } from './testdata/secrets.ts';

describe('signStandardWebhook', () => {
  const body = '{"type":"incident.opened"}';

  it('signs exactly as the standardwebhooks reference library does', () => {
    const expected = new Webhook(NEW_SECRET).sign('ntf-1', new Date(1_700_000_000_000), body);
    expect(signStandardWebhook([NEW_SECRET], 'ntf-1', 1_700_000_000, body)).toBe(expected);
  });

  it('gives one space-separated v1 signature per key, newest first', () => {
    const header = signStandardWebhook([NEW_SECRET, OLD_SECRET], 'ntf-1', 1_700_000_000, body);
    const parts = header.split(' ');
    expect(parts).toHaveLength(2);
    expect(parts[1]).toBe(new Webhook(OLD_SECRET).sign('ntf-1', new Date(1_700_000_000_000), body));
  });

  it('changes when id, timestamp or body change', () => {
    const base = signStandardWebhook([NEW_SECRET], 'ntf-1', 1, body);
    expect(signStandardWebhook([NEW_SECRET], 'ntf-2', 1, body)).not.toBe(base);
    expect(signStandardWebhook([NEW_SECRET], 'ntf-1', 2, body)).not.toBe(base);
    expect(signStandardWebhook([NEW_SECRET], 'ntf-1', 1, `${body} `)).not.toBe(base);
  });
});

describe('signHubSignature', () => {
  it("matches GitHub's documented example", () => {
    // docs.github.com, "Validating webhook deliveries": secret and payload from the worked example.
    expect(signHubSignature("It's a Secret to Everybody", 'Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });
});
