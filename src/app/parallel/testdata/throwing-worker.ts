// A parse worker that answers its first range and throws on the second, as a parser bug would.
import { parentPort } from 'node:worker_threads';

let tasks = 0;
parentPort?.on('message', (task: { seq: number }) => {
  tasks++;
  if (tasks === 2) throw new Error('simulated parser crash');
  const times = new Float64Array(0);
  parentPort?.postMessage({ seq: task.seq, lines: 0, events: [], times, skipped: {}, reads: [] });
});
parentPort?.postMessage({ ready: true });
