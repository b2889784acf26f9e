import { bench, describe } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { compileWhere } from './compile-where.ts';

// Run with `npx vitest bench --run src/rules`.
const sshFailure = compileWhere(
  {
    'event.category': 'authentication',
    'event.outcome': 'failure',
    'service.name': 'sshd',
    'source.ip|cidr': ['0.0.0.0/0', '::/0'],
  },
  { file: 'bench', field: 'where' },
).predicate;

const rich = compileWhere(
  {
    'event.code': [4625, 4771, 4776, 18456, 33205, 4768],
    'user.name|re': '^(adm|root|test)',
    'url.path|contains|all': ['admin', '.php'],
  },
  { file: 'bench', field: 'where' },
).predicate;

const events: SecurityEvent[] = Array.from({ length: 1000 }, (_, i) => ({
  '@timestamp': '2017-03-27T10:15:02.000Z',
  event: {
    category: ['authentication'],
    outcome: i % 10 === 0 ? 'failure' : 'success',
    code: String(4600 + (i % 200)),
  },
  service: { name: 'sshd' },
  source: { ip: `203.0.113.${i % 250}` },
  user: { name: i % 3 === 0 ? 'root' : 'alice' },
  url: { path: '/index.html' },
}));

describe('compiled where', () => {
  bench('ssh failure filter, 1000 events (90% rejected by the second condition)', () => {
    for (const event of events) sshFailure(event);
  });
  bench('event.code list + regex + contains|all, 1000 events', () => {
    for (const event of events) rich(event);
  });
});
