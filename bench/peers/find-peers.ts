import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where scripts/install-peers.sh puts them (git-ignored). */
export const PEERS_DIR = fileURLToPath(new URL('../.peers/', import.meta.url));

export interface Peer {
  name: string;
  version: string;
  /** The program and the arguments before the bench's own. */
  argv: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * ElastAlert 2's rule tester (elastalert-test-rule) from the venv of install-peers.sh, or from the
 * python3 on the PATH, started through elastalert/test-rule.py (which says why).
 */
export function findElastAlert(): Peer | undefined {
  const venvPython = join(PEERS_DIR, 'venv', 'bin', 'python');
  const python = existsSync(venvPython) ? venvPython : 'python3';
  const version = run(python, ['-c', 'import importlib.metadata as m; print(m.version("elastalert2"))']);
  if (version === undefined) return undefined;
  const tester = fileURLToPath(new URL('./elastalert/test-rule.py', import.meta.url));
  return { name: 'ElastAlert 2', version, argv: [python, tester], env: process.env };
}

/**
 * fail2ban-regex with the sshd filter: Debian's package unpacked by install-peers.sh (not
 * installed, so no service runs), or an installed one.
 */
export function findFail2banRegex(): (Peer & { sshdFilter: string }) | undefined {
  const unpacked = join(PEERS_DIR, 'fail2ban');
  if (existsSync(join(unpacked, 'usr/bin/fail2ban-regex'))) {
    const env = { ...process.env, PYTHONPATH: join(unpacked, 'usr/lib/python3/dist-packages') };
    const argv = ['python3', join(unpacked, 'usr/bin/fail2ban-regex')];
    return peer(argv, env, join(unpacked, 'etc/fail2ban/filter.d/sshd.conf'));
  }
  const installed = onPath('fail2ban-regex');
  return installed ? peer([installed], process.env, '/etc/fail2ban/filter.d/sshd.conf') : undefined;
}

function peer(argv: string[], env: NodeJS.ProcessEnv, sshdFilter: string) {
  const [program, ...args] = argv as [string, ...string[]];
  const version = run(program, [...args, '--version'], env)
    ?.split('\n')[0]
    ?.split(' ')
    .at(-1);
  return { name: 'fail2ban-regex', version: version ?? '?', argv, env, sshdFilter };
}

function onPath(name: string): string | undefined {
  return run('sh', ['-c', `command -v ${name}`]);
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const result = spawnSync(program, args, { encoding: 'utf8', env });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}
