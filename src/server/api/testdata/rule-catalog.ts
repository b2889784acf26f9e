import type { Rule } from '../../../rules/index.ts';
import type { Store } from '../../../store/index.ts';
import type { RuleCatalog } from '../api-dependencies.ts';

/** A RuleCatalog as the app keeps one: the loaded rules, with people's choices from store.ruleStates on top. */
export async function createStoreRuleCatalog(
  store: Store,
  rules: readonly Rule[],
  now: () => number,
): Promise<RuleCatalog> {
  const chosen = new Map((await store.ruleStates.list()).map((state) => [state.ruleId, state.enabled]));
  return {
    list: () => rules,
    isEnabled: (id) => chosen.get(id) ?? rules.find((rule) => rule.id === id)?.enabled ?? false,
    async setEnabled(id, enabled, by, reason) {
      await store.ruleStates.set({ ruleId: id, enabled, changedBy: by, changedAt: now(), reason });
      chosen.set(id, enabled);
    },
  };
}
