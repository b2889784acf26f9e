import type { Detection, DetectionSink, SecurityEvent } from '../core/index.ts';
import type { Rule } from '../rules/index.ts';
import type { WindowCondition } from './condition.ts';
import type { Episode } from './episode.ts';
import { addSample, openEpisode, recordMatch, toDetection } from './episode.ts';
import type { GroupKeyReader } from './group-key.ts';
import type { Held } from './held-events.ts';
import { compileGroupKey } from './group-key.ts';
import { KeyStates } from './key-states.ts';
import type { TimerQueue } from './timer-queue.ts';
import type { UpdateQueue } from './update-queue.ts';
import { ruleFingerprint } from './rule-fingerprint.ts';

export interface SlotSnapshot {
  fingerprint: string;
  keys: [string, unknown][];
  episodes: [string, Episode][];
  /** Absence rules: whether the expected keys were already put on the clock. */
  seeded?: boolean;
}

/**
 * Runs one windowed rule (threshold, cardinality, sequence, match) over all its group keys:
 * one burst is one episode, opened when the condition first holds, updated by every further
 * matching event, resolved once the condition has not held for `resolve_after`.
 */
export class RuleSlot<S> {
  readonly ruleId: string;
  private readonly groupKey: GroupKeyReader;
  private readonly states: KeyStates<S>;
  private readonly episodes = new Map<string, Episode>();
  /** Episodes opened ahead of the reorder buffer (see `foresee`), by key, until the buffer gets there. */
  private readonly foreseen = new Map<string, Episode>();

  constructor(
    readonly rule: Rule,
    private readonly condition: WindowCondition<S>,
    private readonly timers: TimerQueue,
    private readonly updates: UpdateQueue,
    private readonly emit: DetectionSink,
  ) {
    this.ruleId = rule.id;
    this.groupKey = compileGroupKey(rule.groupBy, rule.groupAliases);
    this.states = new KeyStates(Math.max(rule.windowMs, 1), (key) => this.episodes.has(key));
  }

  get keysAlive(): number {
    return this.states.size;
  }

  observe(ts: number, event: SecurityEvent): void {
    if (!this.rule.matches(event)) return;
    const key = this.groupKey.keyOf(event);
    if (key === undefined) return;
    const before = this.states.take(key, ts);
    const state = this.condition.observe(before, ts, event);
    if (state === undefined) return;
    if (state !== before) this.states.put(key, state);
    const episode = this.episodes.size === 0 ? undefined : this.episodes.get(key);
    if (episode !== undefined) {
      recordMatch(episode, ts, event);
      if (!this.updates.isPending(episode)) {
        this.updates.mark(episode, () => this.detection('updated', key, episode, episode.lastSeen));
      }
    } else if (this.condition.holdsAt(state, ts)) {
      this.open(key, state, ts, event);
    }
  }

  /** The group key under which the rule counts the event; undefined when the rule ignores it. */
  keyFor(event: SecurityEvent): string | undefined {
    return this.rule.matches(event) ? this.groupKey.keyOf(event) : undefined;
  }

  /**
   * Live operation, for rules whose condition only grows as events are added (threshold,
   * cardinality, match): runs a copy of the key's window over its events still in the reorder
   * buffer, in the order the buffer will hand them on, and returns the `opened` detection of the
   * first one at which the condition holds. Events that arrive later can only make it hold sooner,
   * so the episode will open; when the buffer gets there, `open` keeps this episode's id and
   * reports what the late events changed as an update.
   */
  foresee(key: string, waiting: readonly Held[]): Detection | undefined {
    if (this.episodes.has(key) || this.foreseen.has(key)) return undefined;
    let state = structuredClone(this.states.get(key));
    for (const held of waiting) {
      const next = this.condition.observe(state, held.ts, held.event);
      if (next === undefined) continue;
      state = next;
      if (!this.condition.holdsAt(next, held.ts)) continue;
      const episode = this.newEpisode(key, next, held.ts, held.event);
      this.foreseen.set(key, episode);
      return this.detection('opened', key, episode, held.ts, next);
    }
    return undefined;
  }

  advance(now: number): void {
    this.states.advance(now);
  }

  save(): SlotSnapshot {
    return {
      fingerprint: ruleFingerprint(this.rule),
      keys: this.states.entries(),
      episodes: [...this.episodes],
    };
  }

  /** Restores saved windows and open episodes, and re-arms the episodes' resolve checks. */
  load(saved: SlotSnapshot): void {
    if (saved.fingerprint !== ruleFingerprint(this.rule)) return;
    this.states.restore(saved.keys as [string, S][], this.timers.now);
    for (const [key, episode] of saved.episodes) {
      this.episodes.set(key, episode);
      const state = this.states.get(key);
      const due =
        state === undefined ? -Infinity : this.condition.holdsUntil(state) + this.rule.resolveAfterMs;
      this.schedule(key, episode, due);
    }
  }

  private open(key: string, state: S, ts: number, event: SecurityEvent): void {
    const foreseen = this.foreseen.get(key);
    const episode = this.newEpisode(key, state, ts, event, foreseen?.id);
    this.episodes.set(key, episode);
    if (foreseen === undefined) {
      this.emit(this.detection('opened', key, episode, ts));
    } else {
      this.foreseen.delete(key);
      // Opened already; events that came late may have changed what it counted.
      if (!sameProgress(foreseen, episode))
        this.updates.mark(episode, () => this.detection('updated', key, episode, episode.lastSeen));
    }
    this.schedule(key, episode, this.condition.holdsUntil(state) + this.rule.resolveAfterMs);
  }

  private newEpisode(key: string, state: S, ts: number, event: SecurityEvent, id?: string): Episode {
    const opening = this.condition.opening(state);
    const episode = openEpisode(
      id ?? `${this.ruleId}/${ts}/${key}`,
      this.groupKey.groupOf(key),
      { count: opening.count, firstSeen: opening.firstSeen, ts, windowMs: this.rule.windowMs },
      opening.evidence?.[0] ?? event,
    );
    if (opening.evidence !== undefined) {
      for (const earlier of opening.evidence.slice(1)) addSample(episode, earlier);
      addSample(episode, event);
    }
    return episode;
  }

  /** Fires when an episode's resolve time may have come; re-arms itself while the condition held on. */
  private checkResolve(key: string, episode: Episode): void {
    const state = this.states.get(key);
    if (state === undefined || this.episodes.get(key) !== episode) return;
    const due = this.condition.holdsUntil(state) + this.rule.resolveAfterMs;
    if (due < this.timers.now) {
      this.episodes.delete(key);
      this.updates.forget(episode);
      this.emit(this.detection('resolved', key, episode, Math.max(due, episode.lastSeen)));
    } else {
      this.schedule(key, episode, due);
    }
  }

  private schedule(key: string, episode: Episode, due: number): void {
    this.timers.schedule(due, () => this.checkResolve(key, episode));
  }

  private detection(
    kind: Detection['state'],
    key: string,
    episode: Episode,
    at: number,
    counted = this.condition.distinct ? this.states.get(key) : undefined,
  ): Detection {
    const state = this.condition.distinct ? counted : undefined;
    return toDetection(
      kind,
      this.ruleId,
      episode,
      at,
      state === undefined ? undefined : this.condition.distinct?.(state),
    );
  }
}

function sameProgress(a: Episode, b: Episode): boolean {
  return a.count === b.count && a.firstSeen === b.firstSeen && a.lastSeen === b.lastSeen;
}
