import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBenchFiles } from '../../src/demo/index.ts';

/**
 * The bench generator's Winlogbeat 4625 documents (made under `dir`), their times moved 300 ms
 * apart from 2024-05-06 06:00 UTC so that the rules find attacks in them: the file's text.
 */
export async function closeWinlogbeatText(dir: string, events = 4_000): Promise<string> {
  const { ndjson } = await generateBenchFiles(join(dir, 'bench'), { ndjsonEvents: events, sshdLines: 10 });
  const start = Date.UTC(2024, 4, 6, 6);
  const lines = readFileSync(ndjson, 'utf8').trimEnd().split('\n');
  const timed = lines.map((line, i) =>
    line.replace(/"@timestamp":"[^"]*"/, `"@timestamp":"${new Date(start + i * 300).toISOString()}"`),
  );
  return `${timed.join('\n')}\n`;
}
