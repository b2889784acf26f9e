import { describe, expect, it } from 'vitest';
import { routesSchema } from '../routing/index.ts';
import { loadConfigText } from './load-config.ts';
import { fakeChannelTypes, testdataPath } from './testdata/channel-types.ts';

const CHANNELS = [
  'channels:',
  '  soc: { type: chat, room: soc, token: token-0123456789 }',
  '  sms: { type: chat, room: sms, token: token-0123456789 }',
];

async function load(lines: string[]) {
  return loadConfigText([...CHANNELS, ...lines, ''].join('\n'), testdataPath('inline.yaml'), {
    channelTypes: fakeChannelTypes,
    routesSchema,
    env: {},
  });
}

describe('routes with `escalate`', () => {
  it('reads the steps with their defaults, in milliseconds', async () => {
    const result = await load([
      'routes:',
      '  - match: { priority: [P1] }',
      '    channels: [soc]',
      '    escalate:',
      '      - { after: 10m, channels: [sms] }',
      '      - { after: 20m, channels: [soc, sms], repeat: 3, every: 15m }',
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.config.routes[0]?.escalate).toEqual([
      { afterMs: 600_000, channels: ['sms'], repeat: 1, everyMs: 0 },
      { afterMs: 1_200_000, channels: ['soc', 'sms'], repeat: 3, everyMs: 900_000 },
    ]);
  });

  it('names file, line and field of each mistake', async () => {
    const result = await load([
      'routes:',
      '  - channels: [soc]',
      '    escalate:',
      '      - { after: 10x, channels: [sms] }',
      '      - { after: 20m, channels: [oncall], repeat: 3 }',
      '      - { after: 5m, channels: [sms], wait: 1m }',
    ]);
    if (result.ok) throw new Error('expected issues');
    const seen = result.issues.map((issue) => [issue.line, issue.field, issue.message]);
    expect(result.issues.every((issue) => issue.file === testdataPath('inline.yaml'))).toBe(true);
    expect(seen).toEqual(
      expect.arrayContaining([
        [7, 'routes[0].escalate[0].after', expect.stringContaining('got `10x`')],
        [8, 'routes[0].escalate[1].every', '`repeat` above 1 needs `every`'],
        [8, 'routes[0].escalate[1].channels[0]', expect.stringContaining('no channel named `oncall`')],
        [9, 'routes[0].escalate[2].wait', expect.stringContaining('unknown field `wait`')],
      ]),
    );
  });

  it('refuses a step that is not later than the one before', async () => {
    const result = await load([
      'routes:',
      '  - channels: [soc]',
      '    escalate:',
      '      - { after: 10m, channels: [sms] }',
      '      - { after: 10m, channels: [soc] }',
    ]);
    if (result.ok) throw new Error('expected issues');
    expect(result.issues.map((issue) => [issue.line, issue.field, issue.message])).toEqual([
      [8, 'routes[0].escalate[1].after', 'must be later than the step before it'],
    ]);
  });
});
