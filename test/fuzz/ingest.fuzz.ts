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

/** Application events the API takes as they are (their times are next to NOW), and Winlogbeat ones. */
const appEvents = appEventLines().filter(
  (line) => line.startsWith('{"@timestamp"') && line.includes('action') && !line.includes('yesterday'),
);
const toJson = (value: unknown) => JSON.stringify(value);
const event = fc.oneof(
  { arbitrary: fc.constantFrom(...appEvents), weight: 4 },
  { arbitrary: editedDocument(appEvents, JSON.parse, toJson, 2), weight: 3 },
  { arbitrary: editedDocument(windowsLines(), JSON.parse, toJson, 3), weight: 1 },
);
const events = fc.array(event, { minLength: 1, maxLength: 4 });
const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];
const OTHER_TYPES = [
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  undefined,
];

/** A JSON array or NDJSON with its content type, as an application sends them. */
const wellFormed = fc.oneof(
  events.map((list) => ({ contentType: 'application/json', body: `[${list.join(',')}]` })),
  fc
    .tuple(events, fc.constantFrom(...NDJSON_TYPES))
    .map(([list, contentType]) => ({ contentType, body: list.join('\n') })),
);

const damaged: fc.Arbitrary<{ contentType: string | undefined; body: string | Buffer }> = fc.oneof(
  {
    arbitrary: wellFormed.chain(({ contentType, body }) =>
      mutatedText(fc.constant(body), jsonFragment, 3).map((text) => ({ contentType, body: text })),
    ),
    weight: 4,
  },
  {
    arbitrary: wellFormed.chain(({ contentType, body }) =>
      mutatedBytes(fc.constant(body)).map((bytes) => ({ contentType, body: bytes })),
    ),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      contentType: fc.constantFrom<string | undefined>(...OTHER_TYPES, ...NDJSON_TYPES),
      body: wellFormed.map((request) => request.body),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      contentType: fc.constant('application/json'),
      body: fc.constantFrom('', '[]', '{}', 'null', '0', '"x"', '[null]', '[[]]', '\n\n', ' '),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.constant({
      contentType: 'application/json',
      body: `[${'{"event":{"action":"x"}},'.repeat(BODY_LIMIT / 25)}{}]`,
    }),
    weight: 1,
  },
);

const input: fc.Arbitrary<IngestInput> = fc
  .tuple(
    fc.oneof({ arbitrary: wellFormed, weight: 1 }, { arbitrary: damaged, weight: 2 }),
    fc.constantFrom<IngestInput['auth']>(
      'token',
      'token',
      'token',
      'token',
      'token',
      'token',
      'none',
      'wrong',
    ),
  )
  .map(([request, auth]) => ({ ...request, auth }));

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
