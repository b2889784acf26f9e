import { main } from '../../src/cli/main.ts';
import { DATASETS } from '../support/datasets.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with its output captured. */
export async function runCli(...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    process.exitCode = previousExitCode;
  }
}

export function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export { DATASETS };
