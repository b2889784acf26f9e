export { accountProgramAt, classifyAccountMessage, isAccountProgram } from './classify-account-message.ts';
export { buildAccountEvent } from './build-account-event.ts';
export { MALFORMED_ACCOUNT, NOT_ACCOUNT, type AccountFacts, type AccountSkip } from './account-facts.ts';
export { matchPamServiceFailure, mayBePamServiceFailure } from './match-pam-service.ts';
export { buildPamFailureEvent } from './build-pam-event.ts';
export { buildServiceLoginEvent, type ServiceLogin } from './build-service-login-event.ts';
