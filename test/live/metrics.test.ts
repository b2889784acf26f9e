import { appendFileSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { HttpPeer } from '../support/http-peer.ts';
import { useLiveDaemon } from '../support/live-daemon.ts';
import { parsePrometheusText, type MetricFamily } from '../support/prometheus-text.ts';
import { waitFor } from '../support/wait-for.ts';

const REPO = new URL('../../', import.meta.url);
/** Label names whose values would be unbounded: people, addresses, hosts, free text. */
const UNBOUNDED_LABELS =
  /^(user|username|ip|address|addr|host|hostname|email|group|key|message|path|url|episode|serial)/i;
const IP_OR_MAIL = /^(\d{1,3}\.){3}\d{1,3}$|:.*:|@/;

function sshdFailure(at: Date, ip: string, user: string, pid: number): string {
  const month = at.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const day = String(at.getUTCDate()).padStart(2, ' ');
  return `${month} ${day} ${at.toISOString().slice(11, 19)} web1 sshd[${pid}]: Failed password for invalid user ${user} from ${ip} port ${40000 + pid} ssh2\n`;
}

/** The metric names a PromQL expression refers to (Klaxon's own, by their prefix). */
function metricsIn(expr: string): string[] {
  return [...expr.matchAll(/\bklaxon_[a-z0-9_]+/g)].map((match) => match[0]);
}

describe('/metrics of the live server', () => {
  const live = useLiveDaemon('klaxon-metrics-', { once: true });
  let receiver: HttpPeer;
  let families: Map<string, MetricFamily>;

  beforeAll(async () => {
    receiver = await live.peer({ status: 200 });
    live.writeConfig([
      'sources:',
      live.authLogSource(),
      '  - { type: http, name: apps }',
      'channels:',
      `  hook: { type: webhook, url: ${receiver.url}/hook, secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw }`,
      'routes:',
      '  - { channels: [hook] }',
    ]);
    await live.start({ checkpointEveryMs: 100 });
    // Traffic, so labelled families have series: a brute force delivered, an ingest refusal.
    const now = Date.now();
    let lines = 'garbled line\n';
    for (let i = 0; i < 12; i++)
      lines += sshdFailure(new Date(now - 20_000 + i * 1000), '203.0.113.9', `u${i}`, i);
    appendFileSync(live.path('auth.log'), lines);
    await receiver.nextRequest();
    await live.addIngestToken('shop', 'shop');
    const base = live.url('');
    await fetch(`${base}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer wrong' },
      body: '[]',
    });
    await waitFor('the delivery to be counted', async () =>
      (await (await fetch(`${base}/metrics`)).text()).includes('klaxon_deliveries_total{'),
    );
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    families = parsePrometheusText(await response.text());
  }, 30_000);

  it('declares HELP and TYPE for every family, all under the one prefix klaxon_', () => {
    expect(families.size).toBeGreaterThan(20);
    for (const family of families.values()) {
      expect(family.help, family.name).toBeTruthy();
      expect(family.type, family.name).toBeDefined();
      expect(family.name, family.name).toMatch(/^klaxon_[a-z0-9_]+$/);
      expect(family.name).not.toMatch(/^klaxon_process_process_|klaxon_klaxon_/);
    }
    expect(families.has('klaxon_process_cpu_seconds_total')).toBe(true);
  });

  it('makes every _total a counter and every counter end in _total', () => {
    for (const family of families.values()) {
      expect(family.type === 'counter', family.name).toBe(family.name.endsWith('_total'));
      if (family.type === 'counter')
        for (const sample of family.samples) expect(sample.value).toBeGreaterThanOrEqual(0);
    }
    expect(families.get('klaxon_source_events_total')?.samples).toContainEqual({
      name: 'klaxon_source_events_total',
      labels: { source: 'auth' },
      value: 12,
    });
  });

  it('names units: lag in seconds, backlog in bytes and documents apart, ages and durations in seconds', () => {
    expect(families.get('klaxon_source_lag_seconds')?.type).toBe('gauge');
    expect(families.get('klaxon_source_backlog_bytes')?.type).toBe('gauge');
    expect(families.get('klaxon_source_backlog_documents')?.type).toBe('gauge');
    for (const name of families.keys()) {
      if (/lag|_age|duration|_time|cpu/.test(name)) expect(name).toMatch(/_seconds(_total)?$/);
      if (/memory|heap|size/.test(name)) expect(name).toMatch(/_bytes$/);
    }
  });

  it('uses only labels of bounded sets: no user, address or host values', () => {
    for (const family of families.values()) {
      expect(family.samples.length, family.name).toBeLessThan(200);
      for (const sample of family.samples) {
        for (const [label, value] of Object.entries(sample.labels)) {
          expect(label, `${family.name} label ${label}`).not.toMatch(UNBOUNDED_LABELS);
          if (!['version', 'le', 'quantile'].includes(label))
            expect(value, `${family.name}{${label}}`).not.toMatch(IP_OR_MAIL);
        }
      }
    }
  });

  it('has every metric the shipped Prometheus alert rules and Grafana dashboard use', () => {
    const alerts = parseYaml(readFileSync(new URL('ops/prometheus/klaxon-alerts.yml', REPO), 'utf8')) as {
      groups: { rules: { alert: string; expr: string }[] }[];
    };
    const rules = alerts.groups.flatMap((group) => group.rules);
    expect(rules.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining([
        'KlaxonOutboxStuck',
        'KlaxonDeadLetters',
        'KlaxonSourceDown',
        'KlaxonDetectionLag',
      ]),
    );
    const dashboard = JSON.parse(
      readFileSync(new URL('ops/grafana/klaxon-dashboard.json', REPO), 'utf8'),
    ) as {
      panels: { targets: { expr: string }[] }[];
    };
    const exprs = [
      ...rules.map((rule) => rule.expr),
      ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)),
    ];
    const used = new Set(exprs.flatMap(metricsIn));
    expect(used.size).toBeGreaterThan(10);
    const exposed = new Set(
      [...families.values()].flatMap((family) => [family.name, ...family.samples.map((s) => s.name)]),
    );
    expect([...used].filter((name) => !exposed.has(name))).toEqual([]);
  });
});
