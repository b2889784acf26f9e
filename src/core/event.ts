/**
 * A security event in Elastic Common Schema (ECS) shape, nested as ECS nests it.
 * Parsers produce it, rules only ever see it. Field names follow Filebeat's system module
 * (sshd) and Winlogbeat (Windows) so one rule runs unchanged on a file and on an index.
 */
export interface SecurityEvent {
  /** ISO 8601 in UTC, e.g. `2017-03-27T10:15:02.000Z`. */
  '@timestamp': string;
  event: EcsEventFields;
  [field: string]: unknown;
}

export interface EcsEventFields {
  /** The raw line or document the event came from; incidents show it as evidence. */
  original?: string;
  code?: string;
  kind?: string;
  category?: string[];
  type?: string[];
  action?: string;
  outcome?: 'success' | 'failure' | 'unknown';
  reason?: string;
  module?: string;
  dataset?: string;
  provider?: string;
  [field: string]: unknown;
}
