import type { ReadinessCheck } from '../../server/index.ts';
import type { Store } from '../../store/index.ts';
import type { ComponentHealth } from './component-health.ts';
import { describeState } from './component-health.ts';

export interface ReadinessPolicy {
  /** A source may fail this long (reconnecting, a file rotated away) before Klaxon is not ready (default 60 s). */
  sourceGraceMs: number;
  /** A channel whose oldest undelivered notification is older than this is not draining (default 10 min). */
  outboxStallMs: number;
}

export const DEFAULT_READINESS: ReadinessPolicy = { sourceGraceMs: 60_000, outboxStallMs: 600_000 };

export interface ReadinessParts {
  store: Store;
  health: ComponentHealth;
  now: () => number;
  state: () => 'starting' | 'running' | 'stopping';
  policy: ReadinessPolicy;
}

/**
 * Whether every stage can make progress, naming each one that cannot: the pipeline (starting,
 * stopping), the store (a probe now, and the commits' own state), every component retrying (a
 * source only once its grace period is over), and every channel whose outbox is not draining.
 */
export async function checkReadiness(parts: ReadinessParts): Promise<ReadinessCheck[]> {
  const state = parts.state();
  const now = parts.now();
  const checks: ReadinessCheck[] = [
    { name: 'pipeline', ok: state === 'running', ...(state !== 'running' && { message: state }) },
  ];
  let channels;
  try {
    channels = await parts.store.outbox.health();
    checks.push({ name: 'store', ok: true });
  } catch (error) {
    checks.push({ name: 'store', ok: false, message: (error as Error).message });
  }
  for (const [name, component] of parts.health.all()) {
    if (component.kind === 'ok') continue;
    const graceMs = name.startsWith('source ') ? parts.policy.sourceGraceMs : 0;
    if (component.kind === 'retrying' && now - component.since < graceMs) continue;
    const existing = checks.find((check) => check.name === name);
    if (existing) Object.assign(existing, { ok: false, message: describeState(component) });
    else checks.push({ name, ok: false, message: describeState(component) });
  }
  for (const channel of channels ?? []) {
    const oldest = channel.oldestPendingAt;
    if (oldest === undefined || now - oldest < parts.policy.outboxStallMs) continue;
    const minutes = Math.round((now - oldest) / 60_000);
    checks.push({
      name: `outbox ${channel.channel}`,
      ok: false,
      message: `not draining: the oldest undelivered notification is ${minutes} min old`,
    });
  }
  return checks;
}
