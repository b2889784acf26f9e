import type { Priority } from './api-types.ts';

export const PRIORITY_ORDER: readonly Priority[] = ['P1', 'P2', 'P3', 'P4', 'P5'];

export const PRIORITY_NAMES: Record<Priority, string> = {
  P1: 'critical',
  P2: 'high',
  P3: 'medium',
  P4: 'low',
  P5: 'info',
};
