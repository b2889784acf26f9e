import { InputError } from '../core/index.ts';

/** Where a new password comes from; tests give their own. */
export interface PasswordSource {
  /** All of standard input (`--password-stdin`). */
  readStdin(): Promise<string>;
  /** Asks on the terminal without echo; undefined when standard input is no terminal. */
  promptHidden(question: string): Promise<string | undefined>;
}

export const processPasswordSource: PasswordSource = {
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  promptHidden(question) {
    const { stdin, stderr } = process;
    if (!stdin.isTTY) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      let typed = '';
      const finish = (error?: Error) => {
        stdin.setRawMode(false);
        stdin.pause();
        stdin.off('data', onData);
        stderr.write('\n');
        if (error) reject(error);
        else resolve(typed);
      };
      const onData = (data: Buffer) => {
        for (const char of data.toString('utf8')) {
          if (char === '\r' || char === '\n') return finish();
          if (char === '\u0003') return finish(new InputError('cancelled'));
          if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
          else if (char >= ' ') typed += char;
        }
      };
      stderr.write(question);
      stdin.setRawMode(true);
      stdin.resume();
      stdin.on('data', onData);
    });
  },
};

/** The password piped in (one trailing line break dropped), or asked twice on the terminal. */
export async function readNewPassword(source: PasswordSource, fromStdin: boolean): Promise<string> {
  if (fromStdin) return (await source.readStdin()).replace(/\r?\n$/, '');
  const first = await source.promptHidden('Password: ');
  if (first === undefined)
    throw new InputError('no terminal to ask for the password on: pipe it in with --password-stdin');
  const again = await source.promptHidden('Password again: ');
  if (again !== first) throw new InputError('the two passwords differ');
  return first;
}
