import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KlaxonError } from '../../core/index.ts';
import { verifyPassword } from '../../server/auth/index.ts';
import { openStore } from '../../store/index.ts';
import { main } from '../main.ts';
import type { PasswordSource } from '../read-password.ts';
import { registerUser } from './user.ts';

let dir = '';
let store = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'klaxon-user-'));
  store = `sqlite:${join(dir, 'klaxon.db')}`;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `klaxon user ...` with a password source of the test's making, like main() does. */
async function runUser(
  args: string[],
  passwords: Partial<PasswordSource> = {},
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
  const program = new Command('klaxon')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerUser(program, io, {
    readStdin: async () => {
      throw new Error('stdin was not expected');
    },
    promptHidden: async () => undefined,
    ...passwords,
  });
  try {
    const storeArgs = args.includes('--config') ? [] : ['--store', store];
    await program.parseAsync(['user', ...args, ...storeArgs], { from: 'user' });
    return { code: 0, out: out.join('\n'), err: err.join('\n') };
  } catch (error) {
    if (error instanceof KlaxonError) return { code: 1, out: out.join('\n'), err: error.message };
    if (error instanceof Error && 'exitCode' in error)
      return { code: Number(error.exitCode), out: out.join('\n'), err: err.join('\n') };
    throw error;
  }
}

async function storedHash(name: string, url = store): Promise<string | undefined> {
  const opened = await openStore(url);
  try {
    return (await opened.users.findCredentials(name))?.passwordHash;
  } finally {
    await opened.close();
  }
}

describe('klaxon user', () => {
  it('adds the user to the store of klaxon.yaml (--config), where klaxon start looks for it', async () => {
    const configured = `sqlite:${join(dir, 'configured.db')}`;
    writeFileSync(join(dir, 'klaxon.yaml'), `store: ${configured}\n`);
    const config = ['--config', join(dir, 'klaxon.yaml')];
    const added = await runUser(['add', 'erin', '--role', 'viewer', '--password-stdin', ...config], {
      readStdin: async () => 'correct horse battery staple\n',
    });
    expect(added).toMatchObject({ code: 0, out: 'user erin added as viewer' });
    expect(await storedHash('erin', configured)).toMatch(/^\$argon2id\$/);
    expect(await storedHash('erin')).toBeUndefined();
    expect((await runUser(['list', ...config])).out).toMatch(/^erin\b.*viewer/);
  });

  it('adds a user with a password from stdin, stored as an argon2id hash', async () => {
    const added = await runUser(['add', 'alice', '--role', 'admin', '--password-stdin'], {
      readStdin: async () => 'correct horse battery staple\n',
    });
    expect(added).toMatchObject({ code: 0, out: 'user alice added as admin' });
    const hash = (await storedHash('alice')) as string;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
  });

  it('asks twice on the terminal, and refuses two different answers', async () => {
    const answers = ['first passphrase!', 'first passphrase!'];
    const questions: string[] = [];
    const asked = await runUser(['add', 'bob', '--role', 'viewer'], {
      promptHidden: async (question) => {
        questions.push(question);
        return answers.shift();
      },
    });
    expect(asked.code).toBe(0);
    expect(questions).toEqual(['Password: ', 'Password again: ']);
    const differ = ['one passphrase!!', 'another passphrase'];
    const refused = await runUser(['add', 'carol', '--role', 'viewer'], {
      promptHidden: async () => differ.shift(),
    });
    expect(refused).toMatchObject({ code: 1, err: 'the two passwords differ' });
  });

  it('refuses a short password, a bad name, an unknown role, and no terminal without --password-stdin', async () => {
    const short = await runUser(['add', 'dave', '--role', 'viewer', '--password-stdin'], {
      readStdin: async () => 'elevenchars',
    });
    expect(short).toMatchObject({
      code: 1,
      err: 'the password is too short: it needs at least 12 characters',
    });
    const name = await runUser(['add', 'no spaces', '--role', 'viewer', '--password-stdin'], {
      readStdin: async () => 'long enough password',
    });
    expect(name.code).toBe(1);
    expect(name.err).toContain('is not a valid name');
    const role = await runUser(['add', 'erin', '--role', 'root', '--password-stdin']);
    expect(role.code).toBe(1);
    expect(role.err).toContain('expected viewer, responder, admin');
    const noTerminal = await runUser(['add', 'frank', '--role', 'viewer']);
    expect(noTerminal).toMatchObject({ code: 1, err: expect.stringContaining('--password-stdin') });
    expect(await storedHash('dave')).toBeUndefined();
  });

  it('lists users and disables one', async () => {
    const stdin = { readStdin: async () => 'correct horse battery staple' };
    await runUser(['add', 'alice', '--role', 'admin', '--password-stdin'], stdin);
    await runUser(['add', 'bob', '--role', 'responder', '--password-stdin'], stdin);
    const disabled = await runUser(['disable', 'bob']);
    expect(disabled.out).toBe('user bob disabled');
    const listed = await runUser(['list', '--json']);
    const users = listed.out.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(users.map((user) => [user.name, user.role, 'disabledAt' in user])).toEqual([
      ['alice', 'admin', false],
      ['bob', 'responder', true],
    ]);
    expect(listed.out).not.toContain('argon2');
    expect((await runUser(['disable', 'bob'])).err).toBe('user "bob" is disabled already');
  });

  it('is a command of the klaxon program', async () => {
    const out: string[] = [];
    const code = await main(['user', 'list', '--store', store], {
      out: (text) => out.push(text),
      err: () => {},
    });
    expect(code).toBe(0);
    expect(out).toEqual(['No users.']);
  });
});
