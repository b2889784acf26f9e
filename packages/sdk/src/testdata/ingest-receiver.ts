import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from './wait-for.ts';

/** One request the stand-in ingest API got. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  events: Record<string, unknown>[];
  bytes: number;
  /** The status it was answered with. */
  status: number;
}

export interface ScriptedReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface IngestReceiver {
  /** The base URL, as an application would configure it. */
  url: string;
  requests: ReceivedRequest[];
  /** Events from the requests answered 202, in order. */
  accepted(): Record<string, unknown>[];
  /** The next requests get these answers, in order; afterwards 202 again. */
  script(...replies: ScriptedReply[]): void;
  /** Resolves once `count` events were accepted, or rejects after `timeoutMs`. */
  waitForAccepted(count: number, timeoutMs?: number): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export const INGEST_TOKEN = 'kx_test_ingest_5f1c0de';

/**
 * A real HTTP server on 127.0.0.1 standing in for `POST /api/v1/events`: it checks the token, the
 * content type and the API's limits (1,000 events, 1 MiB) as the real one does, and records
 * everything it got.
 */
export async function startIngestReceiver(): Promise<IngestReceiver> {
  const requests: ReceivedRequest[] = [];
  const scripted: ScriptedReply[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const events = parseEvents(raw.toString('utf8'), req.headers['content-type']);
      const reply = scripted.shift() ?? judge(req.method, req.url, req.headers, raw.length, events);
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        events: Array.isArray(events) ? events : [],
        bytes: raw.length,
        status: reply.status,
      });
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body ?? {}));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  const accepted = (): Record<string, unknown>[] =>
    requests.filter((request) => request.status === 202).flatMap((request) => request.events);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    script: (...replies) => scripted.push(...replies),
    async waitForAccepted(count, timeoutMs = 5000) {
      await waitFor(() => accepted().length >= count, timeoutMs).catch(() => {
        throw new Error(`receiver got ${accepted().length} of ${count} events in ${timeoutMs} ms`);
      });
      return accepted();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function judge(
  method: string | undefined,
  url: string | undefined,
  headers: IncomingHttpHeaders,
  bytes: number,
  events: Record<string, unknown>[] | 'unsupported' | 'unreadable',
): ScriptedReply {
  if (method !== 'POST' || url !== '/api/v1/events') return { status: 404, body: { error: 'not_found' } };
  if (headers.authorization !== `Bearer ${INGEST_TOKEN}`)
    return { status: 401, body: { error: 'unauthorized' } };
  if (bytes > 1024 * 1024) return { status: 413, body: { error: 'too_large' } };
  if (events === 'unsupported') return { status: 415, body: { error: 'unsupported_media_type' } };
  if (events === 'unreadable') return { status: 400, body: { error: 'invalid_json' } };
  if (events.length > 1000) return { status: 413, body: { error: 'too_many_events' } };
  return { status: 202, body: { accepted: events.length } };
}

function parseEvents(
  text: string,
  contentType: string | undefined,
): Record<string, unknown>[] | 'unsupported' | 'unreadable' {
  try {
    if (contentType?.startsWith('application/json')) {
      const parsed = JSON.parse(text) as unknown;
      return Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : 'unreadable';
    }
    if (contentType?.startsWith('application/x-ndjson')) {
      return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    }
  } catch {
    return 'unreadable';
  }
  return 'unsupported';
}
