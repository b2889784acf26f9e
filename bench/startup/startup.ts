// How long the compiled CLI takes to start: `klaxon --help` and `klaxon --version` as whole processes
// next to `node -e 0` (Node's own start-up), measured in turn in the same run. The target is within
// 3x of node -e 0: only the command run is loaded (src/cli/command-catalog.ts).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command, Timing } from '../timed-run.ts';
import { timeInTurn } from '../timed-run.ts';
import { printTable } from '../print-table.ts';
import { EXTRA_CA_CERTS, envWithoutExtraCaCerts } from '../extra-ca-certs.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET = 3;

export function compareStartup(runs = 10): void {
  console.log(`\n== start-up: whole processes next to node -e 0, medians of ${runs} runs in turn`);
  execFileSync(process.execPath, [resolve(ROOT, 'scripts/build-cli.mjs'), '--if-stale'], {
    stdio: 'inherit',
  });
  const klaxon = [process.execPath, resolve(ROOT, 'bin/klaxon.js')];
  const commands: Command[] = [
    { label: 'node -e 0', argv: [process.execPath, '-e', '0'] },
    { label: 'klaxon --help', argv: [...klaxon, '--help'] },
    { label: 'klaxon --version', argv: [...klaxon, '--version'] },
  ];
  if (EXTRA_CA_CERTS !== undefined)
    commands.push({
      label: 'node -e 0, NODE_EXTRA_CA_CERTS unset',
      argv: [process.execPath, '-e', '0'],
      env: envWithoutExtraCaCerts(),
    });
  const [floor, ...ours] = timeInTurn(commands, runs) as [Timing, ...Timing[]];
  const rows = [['command', 'wall s', 'cpu s', 'peak MB', 'ratio to node -e 0 (wall)', 'target']];
  rows.push([
    'node -e 0',
    floor.wallS.toFixed(3),
    floor.cpuS.toFixed(3),
    floor.peakMb.toFixed(0),
    '1.00',
    '',
  ]);
  ours.forEach((timing, index) => {
    const command = commands[index + 1];
    const ratio = timing.wallS / floor.wallS;
    rows.push([
      command?.label ?? '',
      timing.wallS.toFixed(3),
      timing.cpuS.toFixed(3),
      timing.peakMb.toFixed(0),
      ratio.toFixed(2),
      command?.env === undefined
        ? `<= ${TARGET}x: ${ratio <= TARGET ? 'met' : 'NOT met'}`
        : `what the CA bundle costs each start here (${EXTRA_CA_CERTS})`,
    ]);
  });
  printTable(rows);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) compareStartup();
