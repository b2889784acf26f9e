import { expect } from 'vitest';
import { describeChannelContract } from '../channel.contract.ts';
import { consoleChannel } from './index.ts';

describeChannelContract(consoleChannel, {
  config: { stream: 'stdout' },
  secrets: {},
  invalidConfigs: [{ stream: 'stdin' }, { path: '/tmp/x' }],
  invalidSecrets: [{ token: 'x' }],
  secretValues: [],
  checkPayload(payload, notification) {
    // eslint-disable-next-line no-control-regex -- control characters are what this checks for
    expect(payload.text, notification.id).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    expect(payload.text.length).toBeLessThan(20_000);
  },
});
