import type { SecurityEvent } from '../../core/index.ts';

export type SelfAction = 'source-failing' | 'source-lagging' | 'source-active';

/** An event about Klaxon's own source, for the `klaxon-source-*` rules of the shipped pack. */
export function selfEvent(action: SelfAction, source: string, at: number, message?: string): SecurityEvent {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: {
      kind: 'event',
      dataset: 'klaxon.self',
      action,
      outcome: action === 'source-active' ? 'success' : 'failure',
      ...(message !== undefined && { reason: message }),
    },
    observer: { name: source, product: 'klaxon' },
    ...(message !== undefined && { message }),
  };
}
