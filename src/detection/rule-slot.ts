import type { Detection, DetectionSink, SecurityEvent } from '../core/index.ts';
import type { Rule } from '../rules/index.ts';
import type { WindowCondition } from './condition.ts';
import type { Episode } from './episode.ts';
import { addSample, openEpisode, recordMatch, toDetection } from './episode.ts';
import type { GroupKeyReader } from './group-key.ts';
import { compileGroupKey } from './group-key.ts';
import type { KeyIndexes } from './key-index.ts';
import { KeyTable } from './key-table.ts';
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
export class RuleSlot {
  readonly ruleId: string;
  private readonly groupKey: GroupKeyReader;
  private readonly keys: KeyTable;
  private readonly episodes = new Map<string, Episode>();

  constructor(
    readonly rule: Rule,
    private readonly condition: WindowCondition,
    private readonly timers: TimerQueue,
    private readonly updates: UpdateQueue,
    private readonly emit: DetectionSink,
    indexes?: KeyIndexes,
  ) {
    this.ruleId = rule.id;
    this.groupKey = compileGroupKey(rule.groupBy);
    this.keys = new KeyTable(
      Math.max(rule.windowMs, 1),
      condition,
      (key) => this.episodes.has(key),
      indexes?.for(rule.groupBy),
    );
  }

  get keysAlive(): number {
    return this.keys.size;
  }

  observe(ts: number, event: SecurityEvent): void {
    if (!this.rule.matches(event)) return;
    const key = this.groupKey.keyOf(event);
    if (key === undefined) return;
    let slot = this.keys.take(key, ts);
    const fresh = slot === -1;
    if (fresh) slot = this.keys.add(key);
    if (!this.condition.observe(slot, fresh, ts, event)) {
      if (fresh) this.keys.remove(key, slot);
      return;
    }
    const episode = this.episodes.size === 0 ? undefined : this.episodes.get(key);
    if (episode !== undefined) {
      recordMatch(episode, ts, event);
      if (!this.updates.isPending(episode)) {
        this.updates.mark(episode, () => this.detection('updated', key, episode, episode.lastSeen));
      }
    } else if (this.condition.holdsAt(slot, ts)) {
      this.open(key, slot, ts, event);
    }
  }

  advance(now: number): void {
    this.keys.advance(now);
  }

  save(): SlotSnapshot {
    return {
      fingerprint: ruleFingerprint(this.rule),
      keys: this.keys.entries().map(([key, slot]): [string, unknown] => [key, this.condition.save(slot)]),
      episodes: [...this.episodes],
    };
  }

  /** Restores saved windows and open episodes, and re-arms the episodes' resolve checks. */
  load(saved: SlotSnapshot): void {
    if (saved.fingerprint !== ruleFingerprint(this.rule)) return;
    const states = new Map(saved.keys);
    this.keys.restore(states.keys(), this.timers.now, (key, slot) =>
      this.condition.load(slot, states.get(key)),
    );
    for (const [key, episode] of saved.episodes) {
      this.episodes.set(key, episode);
      const slot = this.keys.find(key);
      const due = slot === -1 ? -Infinity : this.condition.holdsUntil(slot) + this.rule.resolveAfterMs;
      this.schedule(key, episode, due);
    }
  }

  private open(key: string, slot: number, ts: number, event: SecurityEvent): void {
    const opening = this.condition.opening(slot, ts);
    const episode = openEpisode(
      `${this.ruleId}/${ts}/${key}`,
      this.groupKey.groupOf(key),
      { count: opening.count, firstSeen: opening.firstSeen, ts, windowMs: this.rule.windowMs },
      opening.evidence?.[0] ?? event,
    );
    if (opening.evidence !== undefined) {
      for (const earlier of opening.evidence.slice(1)) addSample(episode, earlier);
      addSample(episode, event);
    }
    this.episodes.set(key, episode);
    this.emit(this.detection('opened', key, episode, ts));
    this.schedule(key, episode, this.condition.holdsUntil(slot) + this.rule.resolveAfterMs);
  }

  /** Fires when an episode's resolve time may have come; re-arms itself while the condition held on. */
  private checkResolve(key: string, episode: Episode): void {
    const slot = this.keys.find(key);
    if (slot === -1 || this.episodes.get(key) !== episode) return;
    const due = this.condition.holdsUntil(slot) + this.rule.resolveAfterMs;
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

  private detection(kind: Detection['state'], key: string, episode: Episode, at: number): Detection {
    const slot = this.condition.distinct ? this.keys.find(key) : -1;
    return toDetection(
      kind,
      this.ruleId,
      episode,
      at,
      slot === -1 ? undefined : this.condition.distinct?.(slot),
    );
  }
}
