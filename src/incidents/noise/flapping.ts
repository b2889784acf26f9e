import { FLAP_HISTORY_SIZE, FlapHistory, NAGIOS_FLAP_WEIGHTS, type FlapWeights } from './flap-history.ts';

export interface FlappingOptions {
  /** Stop flapping at or below this percent state change. Default 20 (Nagios' service default). */
  lowThreshold?: number;
  /** Start flapping at or above this percent state change. Default 30 (Nagios' service default). */
  highThreshold?: number;
  /**
   * Nagios samples a state at every check; a key here has no checks, so while its state holds,
   * one sample of it is taken every this often. A key quiet this long, 21 times over, forgets its
   * changes. Default 5m.
   */
  checkIntervalMs?: number;
  weights?: FlapWeights;
}

export type FlapState = 'problem' | 'ok';

export interface FlapObservation {
  key: string;
  percent: number;
  flapping: boolean;
  /** Set on the observation that crossed a threshold. */
  transition?: 'started' | 'stopped';
  /** On `stopped`: signals suppressed while the key was flapping. */
  suppressed?: number;
}

interface KeyState {
  history: FlapHistory;
  current: 0 | 1;
  lastSampleAt: number;
  flapping: boolean;
  percent: number;
  suppressed: number;
}

/**
 * Nagios' flap detection per key (rule + group): the last 21 states, the weighted percent state
 * change, and hysteresis: flapping starts at `highThreshold` and stops only at `lowThreshold`.
 */
export class Flapping {
  private readonly keys = new Map<string, KeyState>();
  private readonly low: number;
  private readonly high: number;
  private readonly intervalMs: number;
  private readonly weights: FlapWeights;

  constructor(options: FlappingOptions = {}) {
    this.low = options.lowThreshold ?? 20;
    this.high = options.highThreshold ?? 30;
    this.intervalMs = options.checkIntervalMs ?? 300_000;
    this.weights = options.weights ?? NAGIOS_FLAP_WEIGHTS;
    if (!(this.low <= this.high))
      throw new RangeError('flapping: lowThreshold must not exceed highThreshold');
    if (!(this.intervalMs > 0)) throw new RangeError('flapping: checkIntervalMs must be positive');
  }

  /** The key's state at `now`: a change is sampled; the same state only lets time pass. */
  observe(key: string, state: FlapState, now: number): FlapObservation {
    let entry = this.keys.get(key);
    // An unknown key that is ok is what a new key looks like anyway: nothing to keep.
    if (entry === undefined && state === 'ok') return { key, percent: 0, flapping: false };
    if (entry === undefined) {
      entry = {
        history: new FlapHistory(),
        current: 0,
        lastSampleAt: now,
        flapping: false,
        percent: 0,
        suppressed: 0,
      };
      this.keys.set(key, entry);
    }
    // Quiet time can only end flapping, a change can only start it: judge the two apart, as
    // Nagios would have at each check in between.
    const quiet = this.sampleElapsed(entry, now) && entry.flapping ? this.evaluate(key, entry) : undefined;
    const sample = state === 'problem' ? 1 : 0;
    if (sample !== entry.current) {
      entry.history.record(sample);
      entry.current = sample;
      entry.lastSampleAt = now;
    }
    if (quiet?.transition === 'stopped') {
      entry.percent = entry.history.percentStateChange(this.weights);
      return { ...quiet, percent: entry.percent };
    }
    return this.evaluate(key, entry);
  }

  /** Counts a signal suppressed because the key flaps; the "stopped" observation reports the total. */
  recordSuppressed(key: string): void {
    const entry = this.keys.get(key);
    if (entry !== undefined) entry.suppressed += 1;
  }

  isFlapping(key: string): boolean {
    return this.keys.get(key)?.flapping ?? false;
  }

  /**
   * Lets time pass for every key: returns those that stopped flapping while quiet (their notice is
   * due) and forgets keys whose whole history is ok again.
   */
  tick(now: number): FlapObservation[] {
    const stopped: FlapObservation[] = [];
    for (const [key, entry] of this.keys) {
      this.sampleElapsed(entry, now);
      const observation = this.evaluate(key, entry);
      if (observation.transition === 'stopped') stopped.push(observation);
      if (!entry.flapping && entry.current === 0 && entry.percent === 0) this.keys.delete(key);
    }
    return stopped;
  }

  get size(): number {
    return this.keys.size;
  }

  /** One sample of the held state per whole check interval since the last sample (21 at most matter). */
  private sampleElapsed(entry: KeyState, now: number): boolean {
    const due = Math.floor((now - entry.lastSampleAt) / this.intervalMs);
    if (due <= 0) return false;
    for (let i = Math.min(due, FLAP_HISTORY_SIZE); i > 0; i--) entry.history.record(entry.current);
    entry.lastSampleAt += due * this.intervalMs;
    return true;
  }

  private evaluate(key: string, entry: KeyState): FlapObservation {
    const percent = entry.history.percentStateChange(this.weights);
    entry.percent = percent;
    // Between the thresholds the key keeps its flapping state (base/flapping.c compares with <= and >=).
    if (!entry.flapping && percent >= this.high) {
      entry.flapping = true;
      entry.suppressed = 0;
      return { key, percent, flapping: true, transition: 'started' };
    }
    if (entry.flapping && percent <= this.low) {
      entry.flapping = false;
      const suppressed = entry.suppressed;
      entry.suppressed = 0;
      return { key, percent, flapping: false, transition: 'stopped', suppressed };
    }
    return { key, percent, flapping: entry.flapping };
  }
}
