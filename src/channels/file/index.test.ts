import { expect } from 'vitest';
import { describeChannelContract } from '../channel.contract.ts';
import { fileChannel } from './index.ts';

describeChannelContract(fileChannel, {
  config: { path: '/var/lib/klaxon/notifications.jsonl' },
  secrets: {},
  invalidConfigs: [{}, { path: '' }, { path: '/x', mode: 'w' }],
  invalidSecrets: [{ token: 'x' }],
  secretValues: [],
  checkPayload(payload, notification) {
    expect(payload.line.endsWith('\n'), notification.id).toBe(true);
    expect(payload.line.indexOf('\n')).toBe(payload.line.length - 1);
    expect(JSON.parse(payload.line)).toMatchObject({ id: notification.id, sequence: notification.sequence });
  },
});
