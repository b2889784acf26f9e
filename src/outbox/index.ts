export type { ConfiguredChannel, DispatcherOptions, PassResult } from './dispatcher.ts';
export { Dispatcher } from './dispatcher.ts';
export type { RetryPolicy, RetryDecision } from './retry-policy.ts';
export { DEFAULT_RETRY_POLICY, planRetry } from './retry-policy.ts';
export type { RateLimit } from './rate-limiter.ts';
export { RateLimiter } from './rate-limiter.ts';
export type { SendOptions } from './send-notification.ts';
export { sendNotification } from './send-notification.ts';
