import type { EmitEvent, LineParser, ParserDefinition, ParserOptions } from './parser.ts';

/** Most formats a mixed file is read as. */
export const MAX_MIXED_FORMATS = 3;

/**
 * The share of sampled lines the formats of a mix must claim together: more than one format must
 * when none fits alone, so the bar is higher than a single format's (MIN_SNIFF_SCORE), and a file
 * of noise that two formats each half-claim stays unknown.
 */
export const MIN_MIXED_SHARE = 0.8;

/** Lines a format must claim that the formats before it in the mix do not, to join it. */
const MIN_OWN_LINES = 2;

/** The separator of a mix's name: `roundcube+sshd`, also accepted by `--format`. */
export const MIX_SEPARATOR = '+';

/** Whether `definition` would read `line` on its own: its sniff gives the line alone a score. */
function claims(definition: ParserDefinition, line: string): boolean {
  try {
    return definition.sniff([line]) > 0;
  } catch {
    return false;
  }
}

/**
 * When no format fits a sample alone: the few that together claim most of its lines (a test log
 * that puts an application's own lines next to its syslog lines, a file several programs write).
 * Formats are taken greedily, the one claiming most of the lines still unclaimed first, each
 * claiming at least MIN_OWN_LINES of them; undefined unless they claim MIN_MIXED_SHARE together.
 */
export function chooseMix(
  definitions: readonly ParserDefinition[],
  lines: readonly string[],
): ParserDefinition[] | undefined {
  const claimed = definitions.map((definition) => lines.map((line) => claims(definition, line)));
  const covered = lines.map(() => false);
  const members: ParserDefinition[] = [];
  while (members.length < MAX_MIXED_FORMATS) {
    let best = -1;
    let bestOwn = 0;
    for (let d = 0; d < definitions.length; d++) {
      const own = (claimed[d] as boolean[]).filter((claim, i) => claim && !covered[i]).length;
      if (own > bestOwn) {
        best = d;
        bestOwn = own;
      }
    }
    if (best === -1 || bestOwn < MIN_OWN_LINES) break;
    members.push(definitions[best] as ParserDefinition);
    (claimed[best] as boolean[]).forEach((claim, i) => {
      if (claim) covered[i] = true;
    });
  }
  const share = covered.filter(Boolean).length / lines.length;
  return members.length > 1 && share >= MIN_MIXED_SHARE ? members : undefined;
}

/**
 * One definition reading a file of several formats: each line goes to the first member whose sniff
 * claims it, a line none claims to the first member (which says why it skips it). Each member keeps
 * its own parser, so a parser that carries state from line to line (sshd's year, its repeated
 * messages) sees its own lines in order.
 */
export function mixedDefinition(members: readonly ParserDefinition[]): ParserDefinition {
  const format = members.map((member) => member.format).join(MIX_SEPARATOR);
  return {
    format,
    description: `lines of ${members.map((member) => member.format).join(', ')}, each read by the format that fits it`,
    sniff(sample) {
      const lines = sample.filter((line) => line.trim() !== '');
      if (lines.length === 0) return 0;
      return lines.filter((line) => members.some((member) => claims(member, line))).length / lines.length;
    },
    create: (options) => createMixedParser(members, options),
  };
}

function createMixedParser(members: readonly ParserDefinition[], options: ParserOptions): LineParser {
  const parsers = members.map((member) => member.create(options));
  const first = parsers[0] as LineParser;
  return {
    parseLine(line: string, emit: EmitEvent): string | null {
      for (let i = 0; i < members.length; i++) {
        if (claims(members[i] as ParserDefinition, line))
          return (parsers[i] as LineParser).parseLine(line, emit);
      }
      return first.parseLine(line, emit);
    },
    finish(emit: EmitEvent): void {
      for (const parser of parsers) parser.finish?.(emit);
    },
    notes: () => parsers.flatMap((parser) => parser.notes()),
  };
}
