import type { Detection, DetectionSink, SecurityEvent } from '../core/index.ts';
import type { Rule } from '../rules/index.ts';
import type { WindowCondition } from './condition.ts';
import type { Episode } from './episode.ts';
import { openEpisode, recordMatch, toDetection } from './episode.ts';
import type { GroupKeyReader } from './group-key.ts';
import { compileGroupKey } from './group-key.ts';
import { KeyStates } from './key-states.ts';
import type { TimerQueue } from './timer-queue.ts';

interface KeyState<S> {
  window: S;
  episode: Episode | null;
}

/**
 * Runs one windowed rule (threshold, cardinality, sequence, match) over all its group keys:
 * one burst is one episode, opened when the condition first holds, updated by every further
 * matching event, resolved once the condition has not held for `resolve_after`.
 */
export class RuleSlot<S> {
  readonly ruleId: string;
  private readonly groupKey: GroupKeyReader;
  private readonly states: KeyStates<KeyState<S>>;

  constructor(
    readonly rule: Rule,
    private readonly condition: WindowCondition<S>,
    private readonly timers: TimerQueue,
    private readonly emit: DetectionSink,
  ) {
    this.ruleId = rule.id;
    this.groupKey = compileGroupKey(rule.groupBy);
    this.states = new KeyStates(Math.max(rule.windowMs, 1), (state) => state.episode !== null);
  }

  get keysAlive(): number {
    return this.states.size;
  }

  observe(ts: number, event: SecurityEvent): void {
    if (!this.rule.matches(event)) return;
    const key = this.groupKey.keyOf(event);
    if (key === undefined) return;
    const state = this.states.obtain(key, ts, () => ({ window: this.condition.newState(), episode: null }));
    const holds = this.condition.observe(state.window, ts, event);
    const episode = state.episode;
    if (episode !== null) {
      recordMatch(episode, ts, event);
      this.emit(this.detection('updated', episode, ts, state));
    } else if (holds) {
      this.open(key, state, ts, event);
    }
  }

  /** Called by the timer queue when an episode's resolve time may have come. */
  checkResolve(key: string, episode: Episode, now: number): void {
    const state = this.states.get(key);
    if (state === undefined || state.episode !== episode) return;
    const due = this.condition.holdsUntil(state.window) + this.rule.resolveAfterMs;
    if (due < now) {
      state.episode = null;
      this.emit(this.detection('resolved', episode, Math.max(due, episode.lastSeen), state));
    } else {
      this.schedule(key, episode, due);
    }
  }

  advance(now: number): void {
    this.states.advance(now);
  }

  private open(key: string, state: KeyState<S>, ts: number, event: SecurityEvent): void {
    const opening = this.condition.opening(state.window);
    const episode = openEpisode(
      `${this.ruleId}/${ts}/${key}`,
      this.groupKey.groupOf(key),
      { count: opening.count, firstSeen: opening.firstSeen, ts, windowMs: this.rule.windowMs },
      event,
    );
    state.episode = episode;
    this.emit(this.detection('opened', episode, ts, state));
    this.schedule(key, episode, this.condition.holdsUntil(state.window) + this.rule.resolveAfterMs);
  }

  private schedule(key: string, episode: Episode, due: number): void {
    episode.timerDue = due;
    this.timers.schedule(due, () => this.checkResolve(key, episode, this.timers.now));
  }

  private detection(kind: Detection['state'], episode: Episode, at: number, state: KeyState<S>): Detection {
    return toDetection(kind, this.ruleId, episode, at, this.condition.distinct?.(state.window));
  }
}
