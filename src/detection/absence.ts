import type { DetectionSink, SecurityEvent } from '../core/index.ts';
import type { AbsenceRule } from '../rules/index.ts';
import type { Episode } from './episode.ts';
import { openEpisode, toDetection } from './episode.ts';
import type { GroupKeyReader } from './group-key.ts';
import { compileGroupKey } from './group-key.ts';
import { ruleFingerprint } from './rule-fingerprint.ts';
import type { SlotSnapshot } from './rule-slot.ts';
import type { TimerQueue } from './timer-queue.ts';

interface SilenceState {
  lastSeen: number;
  episode: Episode | null;
  /** When the key reported again while its episode was open (-Infinity: still silent). */
  returnedAt: number;
  deadlinePending: boolean;
}

/**
 * Absence: a key (a host, a log source) that reported before, or is listed in `expect`, has
 * sent nothing matching for longer than the window. The episode lasts while it is silent and
 * resolves once it has reported again for `resolve_after` without falling silent anew.
 * Keys are never forgotten: a source that stops for good stays an open incident.
 */
export class AbsenceSlot {
  readonly ruleId: string;
  private readonly groupKey: GroupKeyReader;
  private readonly keys = new Map<string, SilenceState>();
  private seeded = false;

  constructor(
    readonly rule: AbsenceRule,
    private readonly timers: TimerQueue,
    private readonly emit: DetectionSink,
  ) {
    this.ruleId = rule.id;
    this.groupKey = compileGroupKey(rule.groupBy);
  }

  get keysAlive(): number {
    return this.keys.size;
  }

  /** Starts the clock for the expected keys at the first moment the engine knows the time. */
  seed(now: number): void {
    if (this.seeded) return;
    this.seeded = true;
    for (const expected of this.rule.expect) {
      const key = this.rule.groupBy.map((field) => expected[field] ?? '').join('\u001f');
      if (!this.keys.has(key)) this.track(key, now);
    }
  }

  observe(ts: number, event: SecurityEvent): void {
    if (!this.rule.matches(event)) return;
    const key = this.groupKey.keyOf(event);
    if (key === undefined) return;
    const state = this.keys.get(key) ?? this.track(key, ts);
    if (ts > state.lastSeen) state.lastSeen = ts;
    if (state.episode !== null && state.returnedAt === -Infinity) {
      state.returnedAt = ts;
      const episode = state.episode;
      this.timers.schedule(ts + this.rule.resolveAfterMs, () => this.checkResolve(state, episode));
    }
    if (!state.deadlinePending) this.scheduleDeadline(key, state);
  }

  save(): SlotSnapshot {
    const keys = [...this.keys].map(([key, state]): [string, unknown] => [
      key,
      { lastSeen: state.lastSeen, episode: state.episode, returnedAt: state.returnedAt },
    ]);
    return { fingerprint: ruleFingerprint(this.rule), keys, episodes: [], seeded: this.seeded };
  }

  /** Restores what each key last did, and re-arms its deadline or resolve check. */
  load(saved: SlotSnapshot): void {
    if (saved.fingerprint !== ruleFingerprint(this.rule)) return;
    this.seeded = saved.seeded ?? true;
    for (const [key, value] of saved.keys) {
      const restored = value as Pick<SilenceState, 'lastSeen' | 'episode' | 'returnedAt'>;
      const state: SilenceState = { ...restored, deadlinePending: false };
      this.keys.set(key, state);
      const episode = state.episode;
      if (episode === null || state.returnedAt !== -Infinity) this.scheduleDeadline(key, state);
      if (episode !== null && state.returnedAt !== -Infinity) {
        this.timers.schedule(state.returnedAt + this.rule.resolveAfterMs, () =>
          this.checkResolve(state, episode),
        );
      }
    }
  }

  private track(key: string, now: number): SilenceState {
    const state: SilenceState = {
      lastSeen: now,
      episode: null,
      returnedAt: -Infinity,
      deadlinePending: false,
    };
    this.keys.set(key, state);
    this.scheduleDeadline(key, state);
    return state;
  }

  private scheduleDeadline(key: string, state: SilenceState): void {
    state.deadlinePending = true;
    this.timers.schedule(state.lastSeen + this.rule.windowMs, () => this.checkSilence(key, state));
  }

  private isSilent(state: SilenceState): boolean {
    return state.lastSeen + this.rule.windowMs < this.timers.now;
  }

  private checkSilence(key: string, state: SilenceState): void {
    state.deadlinePending = false;
    if (!this.isSilent(state)) {
      this.scheduleDeadline(key, state);
      return;
    }
    state.returnedAt = -Infinity;
    if (state.episode !== null) return;
    const silentSince = state.lastSeen + this.rule.windowMs;
    const episode = openEpisode(
      `${this.ruleId}/${silentSince}/${key}`,
      this.groupKey.groupOf(key),
      { count: 0, firstSeen: state.lastSeen, ts: silentSince, windowMs: this.rule.windowMs },
      undefined,
    );
    episode.lastSeen = state.lastSeen;
    state.episode = episode;
    this.emit(toDetection('opened', this.ruleId, episode, silentSince));
  }

  private checkResolve(state: SilenceState, episode: Episode): void {
    if (state.episode !== episode || state.returnedAt === -Infinity || this.isSilent(state)) return;
    const resolvedAt = state.returnedAt + this.rule.resolveAfterMs;
    // A check left over from an earlier return, before the key fell silent again.
    if (resolvedAt >= this.timers.now) return;
    state.episode = null;
    state.returnedAt = -Infinity;
    episode.lastSeen = state.lastSeen;
    this.emit(toDetection('resolved', this.ruleId, episode, resolvedAt));
  }
}
