// CPU time of each thread of a Node process, printed to stderr when it exits (Linux /proc):
//   node --import ./bench/thread-cpu.mjs bin/klaxon.js replay FILE --year 2024 >/dev/null
// The first figure is the main thread, `bg` the sum of the others: V8's platform workers (TurboFan
// compiling hot functions, parallel scavenges, concurrent marking) and any parse worker. On the
// 200k-line sshd replay the workers took ~0.3 s of ~0.83 s, nearly all of it TurboFan (with
// --no-concurrent-recompilation it moves to the main thread): process CPU counts it, profiles of
// the main thread do not show it.
import { readFileSync, readdirSync } from 'node:fs';
import process from 'node:process';

function threadCpuMs(task) {
  const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

process.on('exit', () => {
  const tasks = readdirSync('/proc/self/task');
  const main = threadCpuMs(String(process.pid));
  const others = tasks.filter((task) => task !== String(process.pid)).map(threadCpuMs);
  const bg = others.reduce((sum, ms) => sum + ms, 0);
  process.stderr.write(
    `thread-cpu main ${main} ms bg ${bg} ms (${others.join(' ')}) total ${main + bg} ms\n`,
  );
});
