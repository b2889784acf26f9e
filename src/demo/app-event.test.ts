import { describe, expect, it } from 'vitest';
import { generateDemoApp } from './demo-app.ts';
import { createRandom } from './prng.ts';

describe('generateDemoApp', () => {
  const { lines } = generateDemoApp(Date.UTC(2025, 2, 4), createRandom(5));
  const docs = lines.map((line) => JSON.parse(line));

  it('writes ECS documents with the fields the ingest API expects', () => {
    for (const doc of docs) {
      expect(Number.isNaN(Date.parse(doc['@timestamp']))).toBe(false);
      expect(doc.event.kind).toBe('event');
      expect(['success', 'failure']).toContain(doc.event.outcome);
      expect(doc.service).toEqual({ name: 'shop-web' });
      expect(doc.source.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(doc.url.path).toMatch(/^\//);
      expect(doc.user_agent.original.length).toBeGreaterThan(5);
    }
  });

  it('files logins under authentication and the rest under web', () => {
    const logins = docs.filter((doc) => doc.event.action === 'login');
    expect(logins.length).toBeGreaterThan(40);
    for (const doc of logins) {
      expect(doc.event.category).toEqual(['authentication']);
      expect(doc.url.path).toBe('/login');
      expect(typeof doc.user.name).toBe('string');
    }
    for (const doc of docs.filter((d) => d.event.action !== 'login'))
      expect(doc.event.category).toEqual(['web']);
  });

  it('gives forbidden requests a 403 and tampered ids the id they asked for', () => {
    const forbidden = docs.filter((doc) => doc.event.action === 'access_forbidden');
    const tampered = docs.filter((doc) => doc.event.action === 'object_id_tampered');
    expect(forbidden.length).toBeGreaterThanOrEqual(6);
    expect(tampered).toHaveLength(4);
    for (const doc of forbidden) expect(doc.http.response.status_code).toBe(403);
    for (const doc of tampered) expect(doc.url.path).toBe(`/api/orders/${doc.labels.object_id}`);
  });
});
