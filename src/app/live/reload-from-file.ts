import { KlaxonError, ValidationError, formatIssue } from '../../core/index.ts';
import { loadKlaxonConfig } from '../load-config.ts';
import type { LiveDaemon } from './start-live.ts';

/**
 * SIGHUP: reads klaxon.yaml and the rule files it names again and swaps them in. Any mistake
 * keeps the running configuration, and each mistake is logged on its own line naming the file,
 * line and field, so the person who sent the signal knows what to fix.
 */
export async function reloadFromFile(
  live: Pick<LiveDaemon, 'reload'>,
  configPath: string | undefined,
  log: (line: string) => void,
): Promise<boolean> {
  try {
    await live.reload(await loadKlaxonConfig(configPath));
    return true;
  } catch (error) {
    for (const reason of describeRefusal(error)) {
      log(`klaxon: reload refused, keeping the running configuration: ${reason}`);
    }
    return false;
  }
}

function describeRefusal(error: unknown): string[] {
  if (error instanceof ValidationError) return error.issues.map(formatIssue);
  if (error instanceof KlaxonError) return [error.message];
  return [`internal error: ${error instanceof Error ? error.message : String(error)}`];
}
