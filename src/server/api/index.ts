export type {
  ApiDependencies,
  ChannelInfo,
  IncidentChange,
  IncidentChanges,
  RuleCatalog,
} from './api-dependencies.ts';
export { registerApi, API_PREFIX, DOCS_PREFIX } from './register-api.ts';
export type { ChannelView } from './channel-view.ts';
export type { RuleView } from './rule-view.ts';
