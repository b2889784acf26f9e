import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { routesSchema } from '../../routing/index.ts';
import { loadConfigText } from '../load-config.ts';
import { fakeChannelTypes, testdataPath } from '../testdata/channel-types.ts';

const sourceTypes = new Map([
  [
    'tail',
    {
      configSchema: z.strictObject({ path: z.string(), format: z.string().optional() }) as z.ZodType<unknown>,
      secretsSchema: z.strictObject({}) as z.ZodType<unknown>,
    },
  ],
  [
    'search',
    {
      configSchema: z.strictObject({ url: z.url(), index: z.string() }) as z.ZodType<unknown>,
      secretsSchema: z.strictObject({ api_key: z.string().min(8) }) as z.ZodType<unknown>,
    },
  ],
]);

const load = (text: string) =>
  loadConfigText(text, testdataPath('inline.yaml'), {
    channelTypes: fakeChannelTypes,
    sourceTypes,
    routesSchema,
    env: { ES_KEY: 'es-key-0123456789' },
  });

describe('sources:', () => {
  it('names sources by their type unless named, resolves paths and seals secrets', async () => {
    const result = await load(
      [
        'sources:',
        '  - { type: tail, path: auth.log }',
        '  - { type: tail, path: /var/log/secure }',
        '  - { type: search, name: winlogbeat, url: "https://es:9200", index: "w-*", api_key: "${ES_KEY}" }',
      ].join('\n'),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.config.sources.map((source) => [source.name, source.type, source.config])).toEqual([
      ['tail', 'tail', { path: testdataPath('auth.log') }],
      ['tail-2', 'tail', { path: '/var/log/secure' }],
      ['winlogbeat', 'search', { url: 'https://es:9200', index: 'w-*' }],
    ]);
    expect(JSON.stringify(result.config.sources[2]?.secrets)).not.toContain('es-key');
  });

  it('names the line and field of every mistake, and never a secret value', async () => {
    const result = await load(
      [
        'sources:',
        '  - { type: tial, path: auth.log }',
        '  - { type: search, url: "https://es:9200", index: "w-*", api_key: "short", colour: red }',
        '  - { type: tail, name: "bad name!", path: x }',
        '  - { type: tail, name: dup, path: a }',
        '  - { type: tail, name: dup, path: b }',
      ].join('\n'),
    );
    if (result.ok) throw new Error('expected issues');
    const found = result.issues.map((issue) => [issue.line, issue.field, issue.message]);
    expect(found).toEqual([
      [2, 'sources[0].type', expect.stringContaining('did you mean `tail`')],
      [3, 'sources[1].api_key', expect.any(String)],
      [3, 'sources[1].colour', expect.stringContaining('unknown field `colour` for a search source')],
      [4, 'sources[2].name', expect.stringContaining('letters, digits')],
      [6, 'sources[4].name', 'another source is named "dup"'],
    ]);
    expect(JSON.stringify(result.issues)).not.toContain('short');
  });
});
