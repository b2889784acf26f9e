import fc from 'fast-check';
import { createServer, registerIngestRoutes, createTokenValue, hashToken } from '../../src/server/index.ts';
import { openStore } from '../../src/store/index.ts';
import { jsonFragment } from './hostile.ts';
import { checkPrototypes } from './invariants.ts';
import { mutatedBytes, mutatedText } from './mutate.ts';
import { deepJson, JSON_LIMITS_OWNER } from './pending.ts';
import { expectThat } from './runner.ts';
import type { FuzzCheck, FuzzTarget } from './runner.ts';
import { appEventLines, windowsLines } from './seeds.ts';
import { editedDocument } from './structured.ts';

export interface IngestInput {
  contentType: string | undefined;
  auth: 'token' | 'none' | 'wrong';
  body: string | Buffer;
}

const NOW = Date.parse('2024-05-01T10:00:30Z');
const BODY_LIMIT = 1024 * 1024;

/** Application events (their times are next to NOW; the API refuses times a year away) and Winlogbeat ones. */
const appEvents = appEventLines().filter((line) => line.startsWith('{') && !line.includes('_source'));
const seed = fc.oneof(
  { arbitrary: fc.constantFrom(...appEvents), weight: 3 },
  { arbitrary: fc.constantFrom(...windowsLines()), weight: 1 },
);
const edited = fc.oneof(
  { arbitrary: editedDocument(appEvents, JSON.parse, (value) => JSON.stringify(value), 3), weight: 3 },
  { arbitrary: editedDocument(windowsLines(), JSON.parse, (value) => JSON.stringify(value), 3), weight: 1 },
);
const event = fc.oneof(edited, seed);
const events = fc.array(event, { minLength: 1, maxLength: 6 });

const body: fc.Arbitrary<string | Buffer> = fc.oneof(
  { arbitrary: events.map((list) => `[${list.join(',')}]`), weight: 3 },
  { arbitrary: events.map((list) => list.join('\n')), weight: 3 },
  {
    arbitrary: mutatedText(
      events.map((list) => `[${list.join(',')}]`),
      jsonFragment,
      3,
    ),
    weight: 3,
  },
  {
    arbitrary: mutatedText(
      events.map((list) => list.join('\n')),
      jsonFragment,
      3,
    ),
    weight: 2,
  },
  { arbitrary: mutatedBytes(events.map((list) => list.join('\n'))), weight: 1 },
  {
    arbitrary: fc.constantFrom('', '[]', '{}', 'null', '0', '"x"', '[null]', '[[]]', '\n\n', ' '),
    weight: 1,
  },
  { arbitrary: fc.constant(`[${'{"event":{"action":"x"}},'.repeat(BODY_LIMIT / 25)}{}]`), weight: 1 },
);

const input: fc.Arbitrary<IngestInput> = fc.record({
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    'application/x-ndjson',
    'application/x-ndjson',
    'application/ndjson',
    'application/jsonl',
    'application/json; charset=utf-16',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    undefined,
  ),
  auth: fc.constantFrom('token', 'token', 'token', 'token', 'token', 'none', 'wrong'),
  body,
});

const STACK_FRAME = /\n\s+at /;

/** POST /api/v1/events through the real Fastify server and SQLite store, by `app.inject`. */
export const ingestTarget: FuzzTarget<IngestInput> = {
  name: 'ingest',
  arbitrary: input,
  pending: [
    {
      what: 'request bodies nested 10 k to 1 M deep (JSON and NDJSON)',
      owner: JSON_LIMITS_OWNER,
      arbitrary: fc
        .tuple(deepJson, fc.constantFrom('application/json', 'application/x-ndjson'))
        .map(([text, contentType]) => ({ contentType, auth: 'token' as const, body: text })),
    },
  ],
  start: startIngest,
};

async function startIngest(): Promise<FuzzCheck<IngestInput>> {
  const store = await openStore('sqlite::memory:');
  const token = createTokenValue();
  await store.apiTokens.add(
    { name: 'fuzz', hash: hashToken(token), scopes: ['ingest'], service: 'fuzz-app', createdBy: 'fuzz' },
    NOW,
  );
  const app = createServer({ bodyLimit: BODY_LIMIT });
  registerIngestRoutes(app, { store, now: () => NOW, rateLimit: { events: 1e12, perMs: 1_000 } });
  await app.ready();
  let journalCursor = 0;
  const authorization = { token: `Bearer ${token}`, none: undefined, wrong: `Bearer ${createTokenValue()}` };
  return {
    async check(request) {
      const header = authorization[request.auth];
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: {
          ...(request.contentType !== undefined && { 'content-type': request.contentType }),
          ...(header !== undefined && { authorization: header }),
        },
        payload: request.body,
      });
      const status = response.statusCode;
      expectThat(
        status === 202 || (status >= 400 && status < 500),
        `answered ${status}: ${response.body.slice(0, 300)}`,
      );
      const answer = response.json<Record<string, unknown>>();
      if (status === 202) {
        expectThat(request.auth === 'token', 'accepted without a valid token');
        const batches = await store.ingestJournal.readAfter(journalCursor, 10);
        expectThat(batches.length === 1, `${batches.length} journal batches for one request`);
        const batch = batches[0] as (typeof batches)[number];
        journalCursor = batch.id;
        expectThat(answer.accepted === batch.count, 'the answer and the journal disagree on the count');
        for (const line of batch.eventsNdjson.split('\n')) checkJournalEvent(JSON.parse(line) as unknown);
        return;
      }
      expectThat(
        typeof answer.error === 'string' && typeof answer.message === 'string',
        'a 4xx without a reason',
      );
      expectThat(!STACK_FRAME.test(answer.message as string), 'a stack trace in an answer');
      expectThat(!response.body.includes(token), 'the token in an answer');
    },
    async stop() {
      await app.close();
      await store.close();
    },
  };
}

/** What the pipeline reads back from the journal: an object with a canonical time and an action. */
function checkJournalEvent(value: unknown): void {
  expectThat(
    typeof value === 'object' && value !== null && !Array.isArray(value),
    'a journal line that is no object',
  );
  const event = value as Record<string, unknown>;
  const timestamp = event['@timestamp'];
  expectThat(
    typeof timestamp === 'string' && new Date(Date.parse(timestamp)).toISOString() === timestamp,
    `journal @timestamp ${String(timestamp)}`,
  );
  const action = (event.event as Record<string, unknown> | undefined)?.action;
  expectThat(typeof action === 'string' && action !== '', 'a journal event without event.action');
  checkPrototypes(event);
}
