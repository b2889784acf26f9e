import { describe, expect, it } from 'vitest';
import { createRedactor, redactError, redactUrl } from './redact.ts';

describe('redaction', () => {
  it('hides the password of a URL, also one that does not parse', () => {
    expect(redactUrl('postgres://klaxon:hunter2@db:5432/alerts')).toBe(
      'postgres://klaxon:<secret>@db:5432/alerts',
    );
    expect(redactUrl('postgres://klaxon:hun@ter2@db/alerts')).toBe('postgres://klaxon:<secret>@db/alerts');
    expect(redactUrl('postgres://klaxon@db/alerts')).toBe('postgres://klaxon@db/alerts');
  });

  it('replaces the secret and its URL-encoded form everywhere in a text', () => {
    const redact = createRedactor('p@ss word');
    expect(redact('a p@ss word and p%40ss%20word')).toBe('a <secret> and <secret>');
    expect(createRedactor(undefined)('p@ss word')).toBe('p@ss word');
    expect(createRedactor('')('unchanged')).toBe('unchanged');
  });

  it('keeps an error that holds no secret and copies one that does, keeping its code', () => {
    const redact = createRedactor('hunter2');
    const clean = new Error('connect ECONNREFUSED');
    expect(redactError(clean, redact)).toBe(clean);
    const leaky = Object.assign(new Error('bad password hunter2'), { code: '28P01' });
    const copy = redactError(leaky, redact);
    expect(copy.message).toBe('bad password <secret>');
    expect(copy.stack).not.toContain('hunter2');
    expect((copy as Error & { code?: string }).code).toBe('28P01');
  });
});
