import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/app/index.ts';
import type { Detection, SecurityEvent } from '../../src/core/index.ts';
import { createDetectionEngine } from '../../src/detection/index.ts';
import { accessLogParser, cowrieParser } from '../../src/parsers/index.ts';
import type { ParserDefinition } from '../../src/parsers/index.ts';

const rules = await loadRules(undefined);
const DAY = Date.UTC(2024, 2, 4);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function opened(parser: ParserDefinition, lines: string[]): Detection[] {
  const events: SecurityEvent[] = [];
  const instance = parser.create({});
  for (const line of lines)
    expect(
      instance.parseLine(line, (event) => events.push(event)),
      line,
    ).toBeNull();
  events.sort((a, b) => a['@timestamp'].localeCompare(b['@timestamp']));
  const detections: Detection[] = [];
  const engine = createDetectionEngine({ rules, emit: (d) => d.state === 'opened' && detections.push(d) });
  engine.pushBatch(events);
  engine.flush();
  return detections;
}

/** A small deterministic generator (mulberry32), so the benign day is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clf(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function access(ms: number, ip: string, request: string, status: number, user = '-'): string {
  return `${ip} - ${user} [${clf(ms)}] "${request}" ${status} ${status === 304 ? 0 : 5120} "https://shop.example.org/" "Mozilla/5.0 (test)"`;
}

const PAGES = [
  '/',
  '/products',
  '/products/42',
  '/cart',
  '/static/app.js',
  '/static/site.css',
  '/search?q=lamp',
];

/**
 * A normal day: 300 visitors (a third of them behind one office NAT address), each browsing 20–80
 * pages with 200/304 answers and an occasional 404; a third of them log in (POST /login, 302 on
 * success, now and then a mistyped password answered 401 first); the admin area behind HTTP basic
 * auth, where the browser's first request is answered 401 without a user and alice mistypes twice.
 */
function benignDay(): string[] {
  const next = random(42);
  const lines: string[] = [];
  for (let visitor = 0; visitor < 300; visitor++) {
    const ip = visitor % 3 === 0 ? '192.0.2.10' : `198.51.100.${(visitor % 250) + 1}`;
    let time = DAY + Math.floor(next() * 20 * 3_600_000);
    const pages = 20 + Math.floor(next() * 60);
    for (let page = 0; page < pages; page++) {
      time += 1_000 + Math.floor(next() * 30_000);
      const roll = next();
      const path = PAGES[Math.floor(next() * PAGES.length)] as string;
      lines.push(
        access(
          time,
          ip,
          `GET ${roll < 0.03 ? '/old-page' : path} HTTP/1.1`,
          roll < 0.03 ? 404 : roll < 0.3 ? 304 : 200,
        ),
      );
    }
    if (visitor % 3 === 1) {
      if (next() < 0.2) lines.push(access(time + 2_000, ip, 'POST /login HTTP/1.1', 401));
      lines.push(access(time + 9_000, ip, 'POST /login HTTP/1.1', 302));
    }
  }
  lines.push(access(DAY + 36_000_000, '192.0.2.10', 'GET /admin/ HTTP/1.1', 401));
  lines.push(access(DAY + 36_005_000, '192.0.2.10', 'GET /admin/ HTTP/1.1', 401, 'alice'));
  lines.push(access(DAY + 36_010_000, '192.0.2.10', 'GET /admin/ HTTP/1.1', 401, 'alice'));
  lines.push(access(DAY + 36_015_000, '192.0.2.10', 'GET /admin/ HTTP/1.1', 200, 'alice'));
  return lines;
}

const ATTACKER = '203.0.113.200';
/** 200 POSTs to wp-login.php, one every 1.5 s from 13:00, answered `status`. */
const wpLoginBruteForce = (status: number) =>
  Array.from({ length: 200 }, (_, i) =>
    access(DAY + 13 * 3_600_000 + i * 1_500, ATTACKER, 'POST /wp-login.php HTTP/1.1', status),
  );

describe('web access-log rules', () => {
  const day = benignDay();

  it(`stay quiet on a normal day of traffic (${day.length} requests)`, () => {
    expect(day.length).toBeGreaterThan(10_000);
    expect(opened(accessLogParser, day).map((d) => [d.ruleId, d.group])).toEqual([]);
  });

  it('open one incident naming the address for a wp-login.php brute force answered 200 (WordPress)', () => {
    const detections = opened(accessLogParser, [...day, ...wpLoginBruteForce(200)]);
    expect(detections.map((d) => [d.ruleId, d.group])).toEqual([
      ['web-login-flood-source', { 'source.ip': ATTACKER }],
    ]);
  });

  it('open one incident naming the address when the failed logins are answered 401', () => {
    const detections = opened(accessLogParser, [...day, ...wpLoginBruteForce(401)]);
    expect(detections.map((d) => [d.ruleId, d.group])).toEqual([
      ['web-login-failures-source', { 'source.ip': ATTACKER }],
    ]);
  });

  it('see a burst of 403s from a scanner, and wrong basic-auth passwords for one account', () => {
    const scan = Array.from({ length: 40 }, (_, i) =>
      access(DAY + 14 * 3_600_000 + i * 2_000, '203.0.113.201', `GET /.git/config${i} HTTP/1.1`, 403),
    );
    const guesses = Array.from({ length: 12 }, (_, i) =>
      access(DAY + 15 * 3_600_000 + i * 20_000, `203.0.113.${10 + i}`, 'GET /admin/ HTTP/1.1', 401, 'bob'),
    );
    const detections = opened(accessLogParser, [...day, ...scan, ...guesses]);
    expect(detections.map((d) => [d.ruleId, d.group])).toEqual([
      ['web-auth-failures-source', { 'source.ip': '203.0.113.201' }],
      ['web-auth-failures-user', { 'user.name': 'bob' }],
    ]);
  });
});

const cowrie = (second: number, ip: string, eventid: string, user?: string) =>
  JSON.stringify({
    eventid,
    src_ip: ip,
    session: `s-${ip}-${second}`,
    sensor: 'hp-1',
    timestamp: new Date(DAY + second * 1000).toISOString(),
    ...(user && { username: user, password: `pw${second}` }),
  });

describe('Cowrie rules', () => {
  it('brute force per address: 12 guesses on 3 accounts opens one incident; 3 guesses nothing', () => {
    const lines = [
      ...Array.from({ length: 12 }, (_, i) =>
        cowrie(i * 5, '203.0.113.50', 'cowrie.login.failed', ['root', 'admin', 'pi'][i % 3]),
      ),
      ...Array.from({ length: 3 }, (_, i) => cowrie(i * 5, '203.0.113.51', 'cowrie.login.failed', 'root')),
    ];
    expect(opened(cowrieParser, lines).map((d) => [d.ruleId, d.group])).toEqual([
      ['cowrie-brute-force-source', { 'source.ip': '203.0.113.50' }],
    ]);
  });

  it('credential spraying per address: 8 accounts once each (under the brute-force threshold)', () => {
    const users = ['root', 'admin', 'ubuntu', 'pi', 'oracle', 'test', 'git', 'postgres'];
    const lines = [
      cowrie(0, '203.0.113.60', 'cowrie.session.connect'),
      ...users.map((user, i) => cowrie(10 + i * 20, '203.0.113.60', 'cowrie.login.failed', user)),
      cowrie(200, '203.0.113.60', 'cowrie.session.closed'),
    ];
    const detections = opened(cowrieParser, lines);
    expect(detections.map((d) => [d.ruleId, d.group])).toEqual([
      ['cowrie-credential-spray-source', { 'source.ip': '203.0.113.60' }],
    ]);
    expect(JSON.stringify(detections)).not.toContain('pw10');
  });
});
