import type { SourceSettings } from '../../config/index.ts';
import { InputError } from '../../core/index.ts';
import { binaryFormats, findParser, parserDefinitions } from '../../parsers/index.ts';
import type { EventSource, FileSourceConfig, JournalSource } from '../../sources/index.ts';
import { createJournalSource } from '../../sources/index.ts';
import type { Store } from '../../store/index.ts';
import { HTTP_SOURCE_TYPE, SOURCE_DEFINITIONS } from '../source-registry.ts';
import type { Logger } from './daemon-logger.ts';
import { RunningSource } from './source-runner.ts';
import { createEvtxFileSource, isEvtxFileSource } from './evtx-file-source.ts';

export interface BuildSourcesOptions {
  store: Store;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  fetch: typeof globalThis.fetch;
  /** Where each source stood at the last checkpoint. */
  positionOf: (name: string) => unknown;
  /** Where sources' failures and recoveries are logged. */
  logger?: Logger;
}

export interface BuiltSources {
  running: RunningSource[];
  /** The ingest journal reader, when an `http` source is configured. */
  journal?: JournalSource;
}

/** The configured sources as the daemon runs them; an unknown `format:` is an InputError. */
export function buildSources(
  settings: readonly SourceSettings[],
  options: BuildSourcesOptions,
): BuiltSources {
  const built: BuiltSources = { running: [] };
  for (const setting of settings) {
    const format = formatOf(setting);
    let source: EventSource;
    if (setting.type === HTTP_SOURCE_TYPE) {
      built.journal = createJournalSource(setting.name, {
        store: options.store,
        sleep: options.sleep,
        resumeFrom: options.positionOf(setting.name),
      });
      source = built.journal;
    } else if (setting.type === 'file' && isEvtxFileSource(setting.config as FileSourceConfig)) {
      source = createEvtxFileSource(setting.name, setting.config as FileSourceConfig, {
        resumeFrom: options.positionOf(setting.name),
        sleep: options.sleep,
      });
    } else {
      const definition = SOURCE_DEFINITIONS.get(setting.type);
      if (!definition) throw new InputError(`source ${setting.name}: unknown type ${setting.type}`);
      source = definition.create(setting.name, setting.config, setting.secrets, {
        resumeFrom: options.positionOf(setting.name),
        now: options.now,
        sleep: options.sleep,
        fetch: options.fetch,
      });
    }
    built.running.push(
      new RunningSource(
        source,
        format ?? (setting.type === HTTP_SOURCE_TYPE ? 'ndjson' : undefined),
        (setting.config as { timezone?: string } | undefined)?.timezone,
        options.now,
        options.logger,
      ),
    );
  }
  return built;
}

function formatOf(setting: SourceSettings): string | undefined {
  const format = (setting.config as { format?: unknown } | undefined)?.format;
  if (typeof format !== 'string') return undefined;
  // Binary formats are read by their own source; their records arrive as documents.
  if (binaryFormats.some((binary) => binary.format === format.trim().toLowerCase())) return undefined;
  if (!findParser(format)) {
    const known = parserDefinitions.map((definition) => definition.format).join(', ');
    throw new InputError(`source ${setting.name}: unknown format "${format}" (one of ${known})`);
  }
  return format;
}
