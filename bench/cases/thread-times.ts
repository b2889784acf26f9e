// CPU time of a process's threads while a replay runs (Linux: /proc/self/task), to tell the main
// thread's share from the parse workers' and from that of the threads Node and V8 keep beside them
// (GC helpers, optimizing compilers, libuv's pool).
import { readdirSync, readFileSync } from 'node:fs';
import process from 'node:process';

export interface ThreadTimes {
  mainMs: number;
  /** Threads that ended before `stop`: the parse workers (a replay ends its pool when done). */
  workersMs: number;
  /** Every other thread alive at `stop`, less what it had used at the start. */
  helpersMs: number;
}

/**
 * Starts counting. Workers are what the process used but no thread alive at `stop` did, so no
 * sampling is needed: their threads are gone by then. NaN figures where /proc cannot be read.
 */
export function countThreadTimes(): { stop(): ThreadTimes } {
  const main = String(process.pid);
  const before = threadCpuMs();
  const cpu = process.cpuUsage();
  return {
    stop() {
      const used = process.cpuUsage(cpu);
      const totalMs = (used.user + used.system) / 1000;
      const after = threadCpuMs();
      if (after === undefined || before === undefined) return { mainMs: NaN, workersMs: NaN, helpersMs: NaN };
      let mainMs = NaN;
      let helpersMs = 0;
      for (const [task, ms] of after) {
        const since = ms - (before.get(task) ?? 0);
        if (task === main) mainMs = since;
        else helpersMs += since;
      }
      // /proc counts in ticks of 10 ms: a few of them either way.
      return { mainMs, workersMs: Math.max(0, totalMs - mainMs - helpersMs), helpersMs };
    },
  };
}

/** CPU ms of each live thread, by task id; undefined without /proc. */
function threadCpuMs(): Map<string, number> | undefined {
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return undefined;
  }
  const times = new Map<string, number>();
  for (const task of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime (fields 14 and 15 of stat), in clock ticks of 10 ms.
      times.set(task, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return times;
}
