/**
 * A test of whether `text` holds exactly the syslog program name `name` from `start` to `end`,
 * without making a string of it (the sshd parser asks every line's program).
 */
export function programNamed(name: string): (text: string, start: number, end: number) => boolean {
  return (text, start, end) => end - start === name.length && text.startsWith(name, start);
}
