/** A valid threshold rule, seven lines; tests add or change a line of it (issues name these line numbers). */
export const THRESHOLD_RULE = `id: failed-logins
title: Failed logins
type: threshold
where: { event.outcome: failure }
threshold: 5
window: 5m
severity: high`;
