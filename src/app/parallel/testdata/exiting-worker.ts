// A parse worker whose thread ends (as on a fatal error) without answering.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => process.exit(3));
parentPort?.postMessage({ ready: true });
