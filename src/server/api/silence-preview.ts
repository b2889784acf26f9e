import type { Incident } from '../../core/index.ts';
import { noise } from '../../incidents/index.ts';
import type { Rule } from '../../rules/index.ts';
import type { SilenceMatcher } from '../../store/index.ts';

/** Fields every incident has besides its group. */
const BUILT_IN_FIELDS = ['rule', 'priority'];

const squash = (field: string) => field.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * A warning per matcher whose field no rule groups on (such a silence matches nothing), with the
 * known field it was probably meant to be: "no rule groups on source_ip; did you mean source.ip?".
 */
export function unknownFieldWarnings(matchers: readonly SilenceMatcher[], rules: readonly Rule[]): string[] {
  const known = new Set([...BUILT_IN_FIELDS, ...rules.flatMap((rule) => rule.groupBy)]);
  const warnings: string[] = [];
  for (const { field } of matchers) {
    if (known.has(field)) continue;
    const guess = [...known].find((candidate) => squash(candidate) === squash(field));
    warnings.push(`no rule groups on ${field}${guess ? `; did you mean ${guess}?` : ''}`);
  }
  return warnings;
}

/** The open and acknowledged incidents a silence with these matchers would mute now. */
export function incidentsMatched(
  matchers: readonly SilenceMatcher[],
  incidents: readonly Incident[],
  now: number,
): Incident[] {
  const silence = { id: 'preview', matchers, startsAt: now, endsAt: now + 1 };
  return incidents.filter(
    (incident) => incident.status !== 'resolved' && noise.isSilencedBy(silence, incident, now),
  );
}
