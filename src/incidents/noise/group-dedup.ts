export type GroupNotificationReason = 'initial' | 'changed' | 'repeat';

/** What the group's last notification said: which incidents were open, which resolved, and when. */
export interface GroupNotified {
  firing: ReadonlySet<string>;
  resolved: ReadonlySet<string>;
  at: number;
}

export interface GroupState {
  firing: ReadonlySet<string>;
  resolved: ReadonlySet<string>;
}

/**
 * Whether a group flush needs a notification, and why: Alertmanager's DedupStage.needsUpdate.
 * Membership counts, not progress: a new open incident or a newly resolved one is a change; an
 * incident whose count grew is not (it shows in the next message). Unchanged groups with open
 * incidents repeat once `repeatIntervalMs` has passed since the last notification (inclusive,
 * where Alertmanager waits until strictly after it, which makes reminders a group interval late).
 */
export function decideGroupNotification(
  last: GroupNotified | undefined,
  now: GroupState,
  at: number,
  options: { repeatIntervalMs: number; sendResolved: boolean },
): GroupNotificationReason | undefined {
  if (last === undefined) return now.firing.size > 0 ? 'initial' : undefined;
  if (!isSubset(now.firing, last.firing)) return last.firing.size === 0 ? 'initial' : 'changed';
  // Everything resolved: tell them, unless they never heard of any of it.
  if (now.firing.size === 0) return options.sendResolved && last.firing.size > 0 ? 'changed' : undefined;
  if (options.sendResolved && !isSubset(now.resolved, last.resolved)) return 'changed';
  return at - last.at >= options.repeatIntervalMs ? 'repeat' : undefined;
}

function isSubset(items: ReadonlySet<string>, of: ReadonlySet<string>): boolean {
  if (items.size > of.size) return false;
  for (const item of items) if (!of.has(item)) return false;
  return true;
}
