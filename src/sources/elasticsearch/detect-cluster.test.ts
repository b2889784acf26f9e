import { describe, expect, it } from 'vitest';
import { planForVersion } from './detect-cluster.ts';

describe('planForVersion', () => {
  it.each([
    [undefined, '9.0.1', 'elasticsearch', '_shard_doc'],
    [undefined, '8.13.4', 'elasticsearch', '_shard_doc'],
    [undefined, '7.17.21', 'elasticsearch', '_shard_doc'],
    [undefined, '7.12.0', 'elasticsearch', '_shard_doc'],
    [undefined, '7.10.2', 'elasticsearch', '_id'],
    [undefined, '7.9.3', undefined, '_id'],
    ['opensearch', '3.3.0', 'opensearch', '_shard_doc'],
    ['opensearch', '2.11.1', 'opensearch', '_id'],
    ['opensearch', '2.4.0', 'opensearch', '_id'],
    ['opensearch', '2.3.0', undefined, '_id'],
    ['opensearch', '1.3.17', undefined, '_id'],
  ])('%s %s pages with point in time %s and tiebreaker %s', (distribution, number, pit, tiebreaker) => {
    expect(planForVersion(distribution, number)).toMatchObject({ version: number, pit, tiebreaker });
  });

  it('names the product', () => {
    expect(planForVersion('opensearch', '2.11.1')).toMatchObject({ product: 'OpenSearch' });
    expect(planForVersion(undefined, '8.0.0-SNAPSHOT')).toMatchObject({ product: 'Elasticsearch' });
  });

  it('refuses Elasticsearch 6 and unreadable versions', () => {
    expect(planForVersion(undefined, '6.8.23')).toEqual({
      error: expect.stringMatching(/6\.8\.23 is not supported/),
    });
    expect(planForVersion(undefined, 'banana')).toEqual({
      error: expect.stringMatching(/unreadable version/),
    });
  });
});
