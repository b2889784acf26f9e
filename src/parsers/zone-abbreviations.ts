import { parseFixedOffset } from '../core/index.ts';

/**
 * Zone abbreviations logs write (PostgreSQL for log_timezone, Monit through strftime's `%Z`) that
 * name one offset wherever used; `CST`, `IST`, `BST` and the like name several and are read as a
 * time without a zone.
 */
const ABBREVIATIONS = new Map<string, number>([
  ...(['UTC', 'GMT', 'UCT', 'Z', 'WET'].map((name) => [name, 0]) as [string, number][]),
  ['WEST', 60],
  ['CET', 60],
  ['CEST', 120],
  ['MET', 60],
  ['MEST', 120],
  ['EET', 120],
  ['EEST', 180],
  ['MSK', 180],
  ['SAST', 120],
  ['EST', -300],
  ['EDT', -240],
  ['MST', -420],
  ['MDT', -360],
  ['PST', -480],
  ['PDT', -420],
  ['AKST', -540],
  ['AKDT', -480],
  ['HST', -600],
  ['JST', 540],
  ['KST', 540],
  ['HKT', 480],
  ['AWST', 480],
  ['ACST', 570],
  ['ACDT', 630],
  ['AEST', 600],
  ['AEDT', 660],
  ['NZST', 720],
  ['NZDT', 780],
]);

/**
 * Minutes east of UTC of a zone a log wrote (an abbreviation of ABBREVIATIONS, or an offset such as
 * `+03` or `-0530`, as tzdata now abbreviates many zones), or undefined for one that names no single offset.
 */
export function zoneOffsetMinutes(zone: string): number | undefined {
  const named = ABBREVIATIONS.get(zone.toUpperCase());
  if (named !== undefined) return named;
  const fixed = parseFixedOffset(zone);
  return fixed === undefined ? undefined : fixed / 60_000;
}
