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

/**
 * How well `definition` fits `line` alone: its sniff's score for the line (0: it does not read it).
 * A syslog reader fits any syslog line a little and its own programs' lines fully, so a line that
 * an application's own format and syslog both claim is the application's when it fits it better.
 */
function fit(definition: ParserDefinition, line: string): number {
  try {
    return definition.sniff([line]);
  } catch {
    return 0;
  }
}

/** A sniff's score for a line that is surely its format's. */
const FULL_FIT = 1;

/**
 * The share of a sample's lines that the other formats of a mix led by one that fits alone must
 * fit fully where it fits them less.
 */
export const MIN_MIX_GAIN = 0.1;

/**
 * The few formats that together fit most of a sample's lines (a test log that puts an
 * application's own lines next to its syslog lines, a file several programs write). Formats are
 * taken greedily: `first` (the format that fits the sample alone, when one does), then the one
 * that fits the most lines better than those taken, each at least MIN_OWN_LINES of them.
 * - No `first`: undefined unless they fit MIN_MIXED_SHARE of the lines together.
 * - With `first`: undefined unless the others fit MIN_MIX_GAIN of the lines fully, where it fits
 *   them less.
 */
export function chooseMix(
  definitions: readonly ParserDefinition[],
  lines: readonly string[],
  first?: ParserDefinition,
): ParserDefinition[] | undefined {
  if (first !== undefined) {
    // Most files are of one format: what it leaves cannot make a mix, and no other is sniffed line by line.
    const left = lines.filter((line) => fit(first, line) < FULL_FIT).length;
    if (left < Math.max(MIN_OWN_LINES, MIN_MIX_GAIN * lines.length)) return undefined;
  }
  const fits = definitions.map((definition) => lines.map((line) => fit(definition, line)));
  const best = lines.map(() => 0);
  const members: ParserDefinition[] = [];
  // Joining a format that fits the sample alone takes lines fitted fully: a syslog reader fits any
  // line that starts with a time a little, and a format that reads a line only with the lines
  // before it (IIS's #Fields) fits some of its own lines alone by less.
  const floor = first === undefined ? 0 : FULL_FIT - Number.EPSILON;
  const betterFits = (d: number): number =>
    (fits[d] as number[]).filter((score, i) => score > (best[i] as number) && score > floor).length;
  const take = (d: number): void => {
    members.push(definitions[d] as ParserDefinition);
    (fits[d] as number[]).forEach((score, i) => {
      if (score > (best[i] as number)) best[i] = score;
    });
  };
  if (first !== undefined) take(definitions.indexOf(first));
  let gained = 0;
  while (members.length < MAX_MIXED_FORMATS) {
    let chosen = -1;
    let chosenFits = 0;
    for (let d = 0; d < definitions.length; d++) {
      const better = betterFits(d);
      if (better > chosenFits) {
        chosen = d;
        chosenFits = better;
      }
    }
    if (chosen === -1 || chosenFits < MIN_OWN_LINES) break;
    if (members.length > 0) gained += chosenFits;
    take(chosen);
  }
  if (members.length < 2) return undefined;
  if (first !== undefined) return gained >= MIN_MIX_GAIN * lines.length ? members : undefined;
  return best.filter((score) => score > 0).length >= MIN_MIXED_SHARE * lines.length ? members : undefined;
}

/**
 * One definition reading a file of several formats: each line goes to the member that fits it best
 * (the first of those that fit it equally), a line none fits to the first member (which says why it
 * skips it). Each member keeps its own parser, so a parser that carries state from line to line
 * (sshd's year, its repeated messages) sees its own lines in order.
 */
export function mixedDefinition(members: readonly ParserDefinition[]): ParserDefinition {
  const format = members.map((member) => member.format).join(MIX_SEPARATOR);
  return {
    format,
    description: `lines of ${members.map((member) => member.format).join(', ')}, each read by the format that fits it`,
    sniff(sample) {
      const lines = sample.filter((line) => line.trim() !== '');
      if (lines.length === 0) return 0;
      return lines.filter((line) => members.some((member) => fit(member, line) > 0)).length / lines.length;
    },
    create: (options) => createMixedParser(members, options),
  };
}

function createMixedParser(members: readonly ParserDefinition[], options: ParserOptions): LineParser {
  const parsers = members.map((member) => member.create(options));
  const first = parsers[0] as LineParser;
  return {
    parseLine(line: string, emit: EmitEvent): string | null {
      let chosen = first;
      let chosenFit = 0;
      for (let i = 0; i < members.length; i++) {
        const score = fit(members[i] as ParserDefinition, line);
        if (score > chosenFit) {
          chosen = parsers[i] as LineParser;
          chosenFit = score;
        }
      }
      return chosen.parseLine(line, emit);
    },
    finish(emit: EmitEvent): void {
      for (const parser of parsers) parser.finish?.(emit);
    },
    notes: () => parsers.flatMap((parser) => parser.notes()),
  };
}
