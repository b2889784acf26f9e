// The channel contract lives in core, so the outbox can depend on it without importing channels.
export type { ChannelDefinition, FailureReason, SendContext, SendResult } from '../core/index.ts';
