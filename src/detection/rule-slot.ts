import type { Detection, DetectionSink, SecurityEvent } from '../core/index.ts';
import { ownsItsText } from '../core/index.ts';
import type { Rule } from '../rules/index.ts';
import type { WindowCondition } from './condition.ts';
import type { Episode } from './episode.ts';
import { addSample, openEpisode, recordMatch, toDetection } from './episode.ts';
import type { GroupKeyReader } from './group-key.ts';
import type { Held } from './held-events.ts';
import { compileGroupKey } from './group-key.ts';
import type { KeyIndexes } from './key-index.ts';
import { KeyTable } from './key-table.ts';
import { growSlots } from './columns.ts';
import type { TimerQueue } from './timer-queue.ts';
import type { UpdateQueue } from './update-queue.ts';
import { ruleFingerprint } from './rule-fingerprint.ts';
import { WhatIf } from './what-if.ts';

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
  /** The same open episodes by their key's slot, so a matching event finds its own without a lookup by key. */
  private readonly episodeAt: (Episode | undefined)[] = [];
  /** Episodes opened ahead of the reorder buffer (see `foresee`), by key, until the buffer gets there. */
  private readonly foreseen = new Map<string, Episode>();
  /** Foreseen ids an earlier-opening episode took over, by key, until the key opens again. */
  private readonly adopted = new Map<string, string>();
  private readonly condition: WindowCondition;
  /** Whether an event counts for the rule (see WindowCondition.accepts). */
  private readonly accepts: (event: SecurityEvent) => boolean;
  /** Made at the first `foresee` (live operation only). */
  private whatIf: WhatIf | undefined;

  /** `newCondition` makes the rule's condition: once for the keys, once more for `foresee`. */
  constructor(
    readonly rule: Rule,
    private readonly newCondition: () => WindowCondition,
    private readonly timers: TimerQueue,
    private readonly updates: UpdateQueue,
    private readonly emit: DetectionSink,
    indexes?: KeyIndexes,
  ) {
    this.ruleId = rule.id;
    this.groupKey =
      indexes?.reader(rule.groupBy, rule.groupAliases) ?? compileGroupKey(rule.groupBy, rule.groupAliases);
    this.condition = newCondition();
    this.accepts = this.condition.accepts ?? rule.matches;
    this.keys = new KeyTable(
      Math.max(rule.windowMs, 1),
      this.condition,
      // A key with an open episode has it at its slot (see `observe`): no lookup by key.
      (slot) => this.episodeAt[slot] !== undefined,
      indexes?.for(rule.groupBy),
    );
  }

  get keysAlive(): number {
    return this.keys.size;
  }

  observe(ts: number, event: SecurityEvent): void {
    if (!this.accepts(event)) return;
    const key = this.groupKey.keyOf(event);
    if (key === undefined) return;
    let slot = this.keys.take(key, ts);
    const fresh = slot === -1;
    if (fresh) slot = this.keys.add(key, ownsItsText(event));
    if (!this.condition.observe(slot, fresh, ts, event)) {
      if (fresh) this.keys.remove(slot);
      return;
    }
    // A fresh slot may belong to a key whose episode a snapshot restored without a window.
    const episode =
      this.episodes.size === 0 ? undefined : fresh ? this.episodes.get(key) : this.episodeAt[slot];
    if (episode !== undefined) {
      if (fresh) this.placeEpisode(slot, episode);
      recordMatch(episode, ts, event);
      if (!this.updates.isPending(episode)) this.markUpdated(key, episode);
    } else if (this.condition.holdsAt(slot, ts)) {
      this.open(key, slot, ts, event);
    }
  }

  /**
   * Apart from `observe`: a closure there made V8 allocate a context for its key and episode at
   * every call (about 50 bytes per rule per event), not only when an update is marked.
   */
  private markUpdated(key: string, episode: Episode): void {
    this.updates.mark(episode, () => this.detection('updated', key, episode, episode.lastSeen));
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
    this.whatIf ??= new WhatIf(this.newCondition());
    return this.whatIf.firstHolding(this.condition, this.keys.find(key), waiting, (held, scratch, at) => {
      const episode = this.newEpisode(key, scratch, at, held.ts, held.event);
      this.foreseen.set(key, episode);
      return toDetection('opened', this.ruleId, episode, held.ts, scratch.distinct?.(at));
    });
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
      if (slot !== -1) this.placeEpisode(slot, episode);
      const due = slot === -1 ? -Infinity : this.condition.holdsUntil(slot) + this.rule.resolveAfterMs;
      this.schedule(key, episode, due);
    }
  }

  private open(key: string, slot: number, ts: number, event: SecurityEvent): void {
    const foreseen = this.foreseen.get(key);
    const natural = `${this.ruleId}/${ts}/${key}`;
    let id = foreseen?.id;
    if (foreseen !== undefined && foreseen.id !== natural) this.adopted.set(key, foreseen.id);
    // A late event opened an earlier episode under the foreseen id; if that one ended before the
    // foreseen moment, the episode opening there now must not take the same id a second time.
    else if (foreseen === undefined) id = this.adopted.get(key) === natural ? `${natural}/again` : natural;
    if (foreseen === undefined) this.adopted.delete(key);
    const episode = this.newEpisode(key, this.condition, slot, ts, event, id);
    this.episodes.set(key, episode);
    this.placeEpisode(slot, episode);
    if (foreseen === undefined) {
      this.emit(this.detection('opened', key, episode, ts));
    } else {
      this.foreseen.delete(key);
      // Opened already; events that came late may have changed what it counted.
      if (!sameProgress(foreseen, episode))
        this.updates.mark(episode, () => this.detection('updated', key, episode, episode.lastSeen));
    }
    this.schedule(key, episode, this.condition.holdsUntil(slot) + this.rule.resolveAfterMs);
  }

  /** The episode `condition` opens at `ts` with what `slot` counted (`id`: one foreseen for it). */
  private newEpisode(
    key: string,
    condition: WindowCondition,
    slot: number,
    ts: number,
    event: SecurityEvent,
    id?: string,
  ): Episode {
    const opening = condition.opening(slot, ts);
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

  /**
   * Fires when an episode's resolve time may have come (`armedFor`, the time it was armed for);
   * re-arms itself while the condition held on. A time that moved on is armed again even when it
   * too has passed, so that episodes resolved at one step of event time resolve in the order of
   * their resolve times, as they do after a restart (which arms each for its time as it stands).
   */
  private checkResolve(key: string, episode: Episode, armedFor: number): void {
    const slot = this.keys.find(key);
    if (slot === -1 || this.episodes.get(key) !== episode) return;
    const due = this.condition.holdsUntil(slot) + this.rule.resolveAfterMs;
    if (due <= armedFor && due < this.timers.now) {
      this.episodes.delete(key);
      this.episodeAt[slot] = undefined;
      this.updates.forget(episode);
      this.emit(this.detection('resolved', key, episode, Math.max(due, episode.lastSeen)));
    } else {
      this.schedule(key, episode, due);
    }
  }

  private placeEpisode(slot: number, episode: Episode): void {
    growSlots(this.episodeAt, slot + 1);
    this.episodeAt[slot] = episode;
  }

  private schedule(key: string, episode: Episode, due: number): void {
    this.timers.schedule(due, () => this.checkResolve(key, episode, due));
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

function sameProgress(a: Episode, b: Episode): boolean {
  return a.count === b.count && a.firstSeen === b.firstSeen && a.lastSeen === b.lastSeen;
}
