/** Why a notification was not sent. Stable strings: they are counter labels. */
export const SUPPRESSION_REASONS = ['silenced', 'inhibited', 'flapping', 'cooldown'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];
