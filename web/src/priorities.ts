import type { Priority } from './api-types.ts';

export const PRIORITY_NAMES: Record<Priority, string> = {
  P1: 'critical',
  P2: 'high',
  P3: 'medium',
  P4: 'low',
  P5: 'info',
};
