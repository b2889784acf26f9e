import { NOT_ACCOUNT, type AccountFacts, type AccountSkip } from './account-facts.ts';
import { matchAccountChange } from './match-account-change.ts';
import { matchSu } from './match-su.ts';
import { matchSudo } from './match-sudo.ts';

/** The Linux account programs whose lines auth.log holds beside sshd's, and what reads each. */
const READERS: ReadonlyMap<string, (message: string) => AccountFacts | AccountSkip> = new Map([
  ['sudo', matchSudo],
  ['su', matchSu],
  ['useradd', matchAccountChange],
  ['groupadd', matchAccountChange],
  ['usermod', matchAccountChange],
  ['userdel', matchAccountChange],
  ['gpasswd', matchAccountChange],
]);

// An array, not READERS.keys(): asked for every line of another program, with no iterator made.
const PROGRAMS = [...READERS.keys()];

/** The account program's name that `text` holds from `start` to `end`, or undefined: no string is made. */
export function accountProgramAt(text: string, start: number, end: number): string | undefined {
  for (const name of PROGRAMS) if (name.length === end - start && text.startsWith(name, start)) return name;
  return undefined;
}

export function isAccountProgram(program: string | undefined): boolean {
  return program !== undefined && READERS.has(program);
}

/** What a line of `program` (one of the account programs) says. */
export function classifyAccountMessage(program: string, message: string): AccountFacts | AccountSkip {
  const read = READERS.get(program);
  return read === undefined ? NOT_ACCOUNT : read(message);
}
