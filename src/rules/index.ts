export type {
  Rule,
  RuleType,
  RuleCommon,
  EventPredicate,
  ThresholdRule,
  CardinalityRule,
  SequenceRule,
  SequenceStep,
  MatchRule,
  AbsenceRule,
  Prefilter,
  LiteralGate,
  GroupAlias,
  SigmaMetadata,
  ResolveMode,
} from './model.ts';
export { RULE_TYPES, RESOLVE_MODES } from './model.ts';
export type { LoadedRules, LoadRulesOptions } from './load-rules.ts';
export { loadRulesFromPaths, loadRulesFromText } from './load-rules.ts';
export { openRuleFileCache } from './rule-file-cache.ts';
export type { RulePack } from './rule-pack.ts';
export { packRuleFolder } from './pack-rule-folder.ts';
export { unpackRules } from './unpack-rules.ts';
export type { RuleFileCache, RuleFileRecipes } from './rule-recipe.ts';
export type { CompiledWhere, WhereLocation, WherePath } from './where/compile-where.ts';
export { compileWhere } from './where/compile-where.ts';
export { beginJudging, endJudging } from './where/shared-condition.ts';
export type { RulesCheck } from './check-rules.ts';
export { checkRules } from './check-rules.ts';
export { fieldsReadByRules } from './rule-fields.ts';
export type {
  SigmaDocument,
  SigmaRuleDocument,
  CompiledSigmaRule,
  SigmaRefusal,
  SigmaCollection,
  SigmaOptions,
  SigmaLoadReport,
} from './sigma/index.ts';
export {
  parseSigmaText,
  isSigmaDocument,
  compileSigmaRule,
  compileSigmaCollection,
  SigmaRuleError,
  formatSigmaReport,
  summarizeSigmaReport,
} from './sigma/index.ts';
