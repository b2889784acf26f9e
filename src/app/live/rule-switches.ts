import type { Rule } from '../../rules/index.ts';
import type { Store } from '../../store/index.ts';

/**
 * The rules as loaded, with people's on/off choices from the dashboard (store.ruleStates) on top.
 * A choice outlives restarts and reloads; editing the rule file does not reset it.
 */
export class RuleSwitches {
  private constructor(private readonly chosen: Map<string, boolean>) {}

  static async load(store: Store): Promise<RuleSwitches> {
    return new RuleSwitches(
      new Map((await store.ruleStates.list()).map((state) => [state.ruleId, state.enabled])),
    );
  }

  apply(rules: readonly Rule[]): Rule[] {
    return rules.map((rule) => {
      const enabled = this.chosen.get(rule.id);
      return enabled === undefined || enabled === rule.enabled ? rule : { ...rule, enabled };
    });
  }

  /** `reason` goes into the rule's audit with who and when. */
  async set(
    store: Store,
    ruleId: string,
    enabled: boolean,
    by: string,
    at: number,
    reason: string,
  ): Promise<void> {
    await store.ruleStates.set({ ruleId, enabled, changedBy: by, changedAt: at, reason });
    this.chosen.set(ruleId, enabled);
  }
}
