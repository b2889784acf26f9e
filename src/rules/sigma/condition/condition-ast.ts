/** A parsed Sigma condition. */
export type ConditionNode =
  | { kind: 'and' | 'or'; children: ConditionNode[] }
  | { kind: 'not'; child: ConditionNode }
  | { kind: 'identifier'; name: string }
  /** `1 of pattern`, `all of pattern`; `them` is every search not starting with `_`. */
  | { kind: 'quantified'; quantifier: 'one' | 'all'; pattern: string };

/** A condition that cannot be parsed or run: `message` names the construct. */
export class ConditionError extends Error {}
