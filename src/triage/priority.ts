import type { Confidence, Priority, Severity } from '../core/index.ts';

/**
 * Priority from severity (impact) × confidence (certainty). P1 only when both are high:
 * a critical rule we are unsure of pages nobody at night; a certain low-impact one waits.
 *
 * | severity \ confidence | low | medium | high |
 * |-----------------------|-----|--------|------|
 * | critical              | P2  | P2     | P1   |
 * | high                  | P3  | P2     | P1   |
 * | medium                | P4  | P3     | P3   |
 * | low                   | P5  | P4     | P4   |
 * | info                  | P5  | P5     | P5   |
 */
export const PRIORITY_MATRIX: Record<Severity, Record<Confidence, Priority>> = {
  critical: { low: 'P2', medium: 'P2', high: 'P1' },
  high: { low: 'P3', medium: 'P2', high: 'P1' },
  medium: { low: 'P4', medium: 'P3', high: 'P3' },
  low: { low: 'P5', medium: 'P4', high: 'P4' },
  info: { low: 'P5', medium: 'P5', high: 'P5' },
};

export function priorityOf(severity: Severity, confidence: Confidence): Priority {
  return PRIORITY_MATRIX[severity][confidence];
}
