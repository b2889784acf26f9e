import { compileLinearRegex } from '../../core/index.ts';
import { readLabel, type NoiseIncident } from './noise-incident.ts';

/** Structurally the store's `SilenceMatcher`: `rule`, `priority` or a group field, exact or regex. */
export interface SilenceMatcherLike {
  field: string;
  value: string;
  /** `value` is a regular expression that must match the whole field value. */
  regex?: boolean;
}

/** Structurally the store's `Silence` (author and comment are not needed to decide). */
export interface SilenceLike {
  id: string;
  matchers: readonly SilenceMatcherLike[];
  startsAt: number;
  endsAt: number;
  expiredAt?: number;
}

type ValueTest = (value: string) => boolean;

const compiled = new WeakMap<SilenceMatcherLike, ValueTest>();
const NEVER: ValueTest = () => false;

/** In force from `startsAt` (inclusive) until `endsAt` or the time it was expired (exclusive). */
export function isSilenceActive(silence: SilenceLike, now: number): boolean {
  if (now < silence.startsAt || now >= silence.endsAt) return false;
  return silence.expiredAt === undefined || now < silence.expiredAt;
}

/**
 * Whether the silence mutes the incident at `now`: active, and every matcher matches. A missing
 * label reads as the empty string (as in Alertmanager). A silence without matchers mutes nothing.
 */
export function isSilencedBy(silence: SilenceLike, incident: NoiseIncident, now: number): boolean {
  if (silence.matchers.length === 0 || !isSilenceActive(silence, now)) return false;
  for (const matcher of silence.matchers) {
    if (!testMatcher(matcher)(readLabel(incident, matcher.field) ?? '')) return false;
  }
  return true;
}

/** The first silence muting the incident at `now`. */
export function findSilence(
  silences: Iterable<SilenceLike>,
  incident: NoiseIncident,
  now: number,
): SilenceLike | undefined {
  for (const silence of silences) if (isSilencedBy(silence, incident, now)) return silence;
  return undefined;
}

/** What is wrong with a silence's matchers, for the API and CLI to refuse it; empty when fine. */
export function checkSilenceMatchers(matchers: readonly SilenceMatcherLike[]): string[] {
  const problems: string[] = [];
  if (matchers.length === 0) problems.push('a silence needs at least one matcher');
  for (const matcher of matchers) {
    if (matcher.field.length === 0) problems.push('a matcher needs a field');
    const invalid = matcher.regex ? checkSilenceRegex(matcher.value) : undefined;
    if (invalid !== undefined) problems.push(`${matcher.field}: ${invalid}`);
  }
  return problems;
}

/** Why `source` cannot be a silence's regular expression (RE2 syntax), or undefined when it can. */
export function checkSilenceRegex(source: string): string | undefined {
  const regex = compileLinearRegex(source, { whole: true });
  return regex.ok ? undefined : `not a valid regular expression: ${regex.message}`;
}

function testMatcher(matcher: SilenceMatcherLike): ValueTest {
  let test = compiled.get(matcher);
  if (test === undefined) {
    test = compileMatcher(matcher);
    compiled.set(matcher, test);
  }
  return test;
}

function compileMatcher(matcher: SilenceMatcherLike): ValueTest {
  if (!matcher.regex) {
    const wanted = matcher.value;
    return (value) => value === wanted;
  }
  // An invalid pattern mutes nothing: a broken silence must not swallow alerts.
  // Anchored over the whole value, like Alertmanager's matchers: `10\.0\..*` does not match `110.0.0.1`.
  const regex = compileLinearRegex(matcher.value, { whole: true });
  return regex.ok ? regex.test : NEVER;
}
