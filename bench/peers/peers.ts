// Klaxon next to its peers, whole processes on the same 200,000-line inputs: fail2ban-regex with its
// sshd filter on an auth.log, and ElastAlert 2's FrequencyRule (through elastalert-test-rule --data,
// which runs ElastAlert's engine on documents from a file, no Elasticsearch) on Winlogbeat 4625
// documents. `npx tsx bench/peers/peers.ts` runs this part alone; scripts/install-peers.sh installs
// the peers; KLAXON_BENCH_PEER_RUNS sets the runs per command (default 3); KLAXON_BENCH_PEERS=fail2ban
// (or elastalert) runs that comparison alone.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Peer } from './find-peers.ts';
import { findElastAlert, findFail2banRegex } from './find-peers.ts';
import type { PeerInputs } from './peer-inputs.ts';
import { preparePeerInputs } from './peer-inputs.ts';
import type { Command, Timing } from '../timed-run.ts';
import { timeInTurn } from '../timed-run.ts';
import { printTable } from '../print-table.ts';
import { EXTRA_CA_CERTS, envWithoutExtraCaCerts } from '../extra-ca-certs.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KLAXON = [process.execPath, resolve(ROOT, 'bin/klaxon.js')];
const HEADER = [
  'input',
  'program',
  'found',
  'wall s',
  'cpu s',
  'peak MB',
  'Klaxon faster: wall',
  'cpu',
  'target',
];

interface Comparison {
  input: string;
  peer: Peer | undefined;
  peerArgs: string[];
  peerSummary: (output: string) => string;
  target: { least: number; aim: number };
  klaxon: KlaxonRun[];
  cwd?: string;
}

interface KlaxonRun {
  label: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Set on a run shown for information only, not judged: where it is explained. */
  explained?: string;
}

/**
 * V8 runs its optimizing compiler and GC helpers on a pool of its own, 4 threads by default. On two
 * cores they preempt the thread doing the replay: a replay of 200,000 sshd lines took 0.928 of its
 * time with a pool of one (farm-bench, 16 pairs), 200,000 NDJSON documents on two threads 0.978.
 * Only a flag given before Node starts sets the pool, so Klaxon cannot choose it for itself.
 */
const ONE_V8_HELPER = '--v8-pool-size=1';

/**
 * The comparison's runs, then the last of them once more, for information: with one V8 helper
 * thread (NODE_OPTIONS), and where this environment sets NODE_EXTRA_CA_CERTS (which every Node start
 * pays, and the Python peers do not) without it.
 */
function klaxonRuns(runs: KlaxonRun[]): KlaxonRun[] {
  const last = runs.at(-1);
  if (last === undefined) return runs;
  const options = [process.env.NODE_OPTIONS, ONE_V8_HELPER].filter(Boolean).join(' ');
  const informative: KlaxonRun[] = [
    {
      ...last,
      label: `${last.label}, NODE_OPTIONS=${ONE_V8_HELPER}`,
      env: { ...process.env, NODE_OPTIONS: options },
      explained: 'bench/peers/peers.ts, ONE_V8_HELPER',
    },
  ];
  if (EXTRA_CA_CERTS !== undefined)
    informative.push({
      ...last,
      label: `${last.label}, NODE_EXTRA_CA_CERTS unset`,
      env: envWithoutExtraCaCerts(),
      explained: 'bench/extra-ca-certs.ts',
    });
  return [...runs, ...informative];
}

export async function comparePeers(
  dataDir = fileURLToPath(new URL('../data/', import.meta.url)),
): Promise<void> {
  const runs = Number(process.env.KLAXON_BENCH_PEER_RUNS ?? 3);
  console.log(
    `\n== ahead of the peers: whole processes on the same 200,000-line inputs, medians of ${runs} runs in turn`,
  );
  execFileSync(process.execPath, [resolve(ROOT, 'scripts/build-cli.mjs'), '--if-stale'], {
    stdio: 'inherit',
  });
  const inputs = await preparePeerInputs(resolve(dataDir, 'peers-200k'));
  const rows = [HEADER];
  const only = process.env.KLAXON_BENCH_PEERS?.toLowerCase();
  for (const comparison of comparisons(inputs)) {
    const name = comparison.peer?.name.toLowerCase().replace(/[^a-z0-9]/g, '') ?? '';
    if (only === undefined || name.includes(only)) rows.push(...compare(comparison, runs));
  }
  printTable(rows);
}

function comparisons(inputs: PeerInputs): Comparison[] {
  const fail2ban = findFail2banRegex();
  const elastalert = findElastAlert();
  return [
    {
      input: 'sshd auth.log',
      peer: fail2ban,
      peerArgs: fail2ban ? [inputs.authLog, fail2ban.sshdFilter] : [],
      peerSummary: (output) => `${/ (\d+) matched,/.exec(output)?.[1] ?? '?'} lines matched`,
      target: { least: 10, aim: 40 },
      klaxon: [
        {
          label: 'klaxon replay, ssh-brute-force-source',
          args: ['replay', inputs.authLog, '--year', '2024', '--rules', inputs.sshRule],
        },
        { label: 'klaxon replay, shipped pack', args: ['replay', inputs.authLog, '--year', '2024'] },
      ],
    },
    {
      input: 'Winlogbeat 4625 NDJSON',
      peer: elastalert,
      peerArgs: ['--config', 'config.yaml', '--data', inputs.jsonArray, 'windows-logon-failure-source.yaml'],
      peerSummary: (output) => `${/'matches': (\d+)/.exec(output)?.[1] ?? '?'} matches`,
      cwd: fileURLToPath(new URL('./elastalert/', import.meta.url)),
      target: { least: 10, aim: 30 },
      klaxon: [
        {
          label: 'klaxon replay, windows-logon-failure-source',
          args: ['replay', inputs.ndjson, '--rules', inputs.windowsRule],
        },
        { label: 'klaxon replay, shipped pack', args: ['replay', inputs.ndjson] },
      ],
    },
  ];
}

function compare(comparison: Comparison, runs: number): string[][] {
  const { input, peer, target } = comparison;
  const goal = `>= ${target.least}x (aim ${target.aim}x)`;
  if (peer === undefined)
    return [[input, 'skipped: peer not installed (scripts/install-peers.sh)', '', '', '', '', '', '', goal]];
  const klaxon = klaxonRuns(comparison.klaxon);
  const commands: Command[] = [
    {
      label: peer.name,
      argv: [...peer.argv, ...comparison.peerArgs],
      env: peer.env,
      cwd: comparison.cwd,
      summary: comparison.peerSummary,
    },
    ...klaxon.map(({ label, args, env }) => ({
      label,
      argv: [...KLAXON, ...args],
      env,
      summary: (output: string) => `${/^Incidents: ([\d,]+)/m.exec(output)?.[1] ?? '?'} incidents`,
    })),
  ];
  const [reference, ...ours] = timeInTurn(commands, runs) as [Timing, ...Timing[]];
  const row = (label: string, timing: Timing, ratios: string[]) => [
    input,
    label,
    timing.summary,
    timing.wallS.toFixed(2),
    timing.cpuS.toFixed(2),
    timing.peakMb.toFixed(0),
    ...ratios,
  ];
  return [
    row(`${peer.name} ${peer.version}`, reference, ['', '', '']),
    ...ours.map((timing, index) => {
      const run = klaxon[index];
      const wall = reference.wallS / timing.wallS;
      const verdict = wall >= target.aim ? 'aim met' : wall >= target.least ? 'met' : 'NOT met';
      return row(run?.label ?? '', timing, [
        `${wall.toFixed(1)}x`,
        `${(reference.cpuS / timing.cpuS).toFixed(1)}x`,
        run?.explained === undefined ? `${goal}: ${verdict}` : `for information (see ${run.explained})`,
      ]);
    }),
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await comparePeers();
