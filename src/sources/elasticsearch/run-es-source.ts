import type { EventSource, SourceDependencies, SourceSink } from '../source.ts';
import { openSession } from './open-session.ts';
import type { EsSession } from './open-session.ts';
import type { EsProduct } from './official-client.ts';
import { lagOf, pollDocuments } from './poll-documents.ts';
import type { PollOutcome } from './poll-documents.ts';
import { pollPushdown } from './poll-pushdown.ts';
import { PositionTracker, restorePosition } from './position.ts';
import { resolveEsSettings } from './resolve-settings.ts';
import type { EsSettings } from './resolve-settings.ts';
import type { EsConfig, EsSecrets } from './schema.ts';

const FIRST_RETRY_MS = 1_000;

export function createEsSource(
  type: string,
  name: string,
  config: EsConfig,
  secrets: EsSecrets,
  dependencies: SourceDependencies,
): EventSource {
  return {
    name,
    type,
    run: (sink, signal) =>
      runEsSource(
        type === 'opensearch' ? 'OpenSearch' : 'Elasticsearch',
        config,
        secrets,
        dependencies,
        sink,
        signal,
      ),
  };
}

/**
 * Polls every `interval` until `signal` aborts. Any failure (no connection, refused credentials,
 * a missing index, an error answer) is reported as `failing` and the poll is tried again after
 * 1 s, 2 s, 4 s ... at most `interval`, with a fresh connection and version check. Never throws
 * for such trouble.
 */
async function runEsSource(
  expected: EsProduct,
  config: EsConfig,
  secrets: EsSecrets,
  dependencies: SourceDependencies,
  sink: SourceSink,
  signal: AbortSignal,
): Promise<void> {
  const { now, sleep } = dependencies;
  const settings = resolveEsSettings(config, secrets);
  if ('error' in settings) {
    sink.status({ state: 'failing', message: settings.error });
    return waitForAbort(signal);
  }
  const tracker = settings.pushdown.length === 0 ? startTracker(settings, dependencies, sink) : undefined;
  if (!tracker) sink.status({ state: 'starting' });
  let watermark = tracker?.from ?? now();
  let session: EsSession | undefined;
  const poll = async (): Promise<PollOutcome> => {
    if (!session) {
      const opened = await openSession(settings, expected, signal);
      if ('error' in opened) return { kind: 'failed', message: opened.error };
      session = opened;
    }
    const context = { ...session, settings, sink, signal, now };
    return tracker ? pollDocuments(context, tracker) : pollPushdown(context);
  };
  let failures = 0;
  try {
    while (!signal.aborted) {
      const started = now();
      const outcome = await poll();
      if (signal.aborted) break;
      if (outcome.kind === 'failed') {
        session?.client.close();
        session = undefined;
        failures++;
        sink.status({ state: 'failing', message: outcome.message, watermark });
        await sleep(Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), settings.intervalMs), signal);
        continue;
      }
      failures = 0;
      watermark = tracker ? tracker.from : started;
      sink.status({ state: 'live', watermark, ...lagOf(outcome.lag) });
      await sleep(Math.max(0, started + settings.intervalMs - now()), signal);
    }
  } finally {
    session?.client.close();
  }
}

/** From the checkpoint, or on a first run `start_from` back from now. */
function startTracker(
  settings: EsSettings,
  dependencies: SourceDependencies,
  sink: SourceSink,
): PositionTracker {
  const { resumeFrom } = dependencies;
  const restored = resumeFrom === undefined ? undefined : restorePosition(resumeFrom);
  const from = dependencies.now() - settings.startFromMs;
  if (resumeFrom !== undefined && restored === undefined) {
    sink.status({
      state: 'starting',
      message: 'the checkpoint is not an Elasticsearch position: starting as on a first run (start_from)',
      watermark: from,
    });
  } else {
    sink.status({ state: 'starting', watermark: restored?.from ?? from });
  }
  return new PositionTracker(restored ?? { from, seen: {} });
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
