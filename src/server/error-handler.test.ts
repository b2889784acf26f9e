import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from './create-server.ts';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function serverWithLog(): { app: FastifyInstance; lines: string[] } {
  const lines: string[] = [];
  const logger = pino(
    { redact: ['req.headers.authorization'] },
    { write: (line: string) => lines.push(line) },
  );
  const server = createServer({ logger });
  server.get('/boom', async () => {
    throw new Error('the disk is full', { cause: new Error('ENOSPC: no space left on device') });
  });
  server.get('/fine', async () => ({ ok: true }));
  return { app: server, lines };
}

describe('the error handler', () => {
  it('logs every 5xx with its cause, never the query string, and answers without the details', async () => {
    const server = serverWithLog();
    app = server.app;
    const response = await app.inject({
      method: 'GET',
      url: '/boom?token=klx_secret_in_query',
      headers: { authorization: 'Bearer klx_secret_in_header' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: 'internal', message: 'internal error (see the server log)' });
    const errors = server.lines.map((line) => JSON.parse(line)).filter((record) => record.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: 'request failed', method: 'GET', url: '/boom' });
    expect(errors[0].err.message).toContain('the disk is full');
    expect(JSON.stringify(errors[0].err)).toContain('ENOSPC');
    expect(server.lines.join('')).not.toContain('klx_secret');
  });

  it('does not log 4xx answers or successful requests as errors', async () => {
    const server = serverWithLog();
    app = server.app;
    expect((await app.inject({ method: 'GET', url: '/nowhere' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/fine' })).statusCode).toBe(200);
    expect(server.lines).toEqual([]);
  });
});
