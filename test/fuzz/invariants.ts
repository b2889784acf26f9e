import type { EmitEvent, LineParser } from '../../src/parsers/index.ts';
import type { SecurityEvent, ValidationIssue } from '../../src/core/index.ts';
import { expectThat } from './runner.ts';

const SKIP_REASON = /^[a-z][a-z0-9-]{0,63}$/;
const STACK_FRAME = /\n\s+at /;

/**
 * Parses `lines` with `parser` and checks the contract of every parser: each line is either used
 * (null, at least one event) or skipped with a short stable reason (no event); never a throw.
 * `spans`: an event may span lines (windows-xml), so a used line may emit none (its event ends later).
 */
export function parseAll(parser: LineParser, lines: readonly string[], spans = false): SecurityEvent[] {
  const events: SecurityEvent[] = [];
  for (const line of lines) {
    const before = events.length;
    const emit: EmitEvent = (event, ts) => {
      checkEvent(event, ts);
      events.push(event);
    };
    const result = parser.parseLine(line, emit);
    if (result === null)
      expectThat(spans || events.length > before, 'a line reported as used emitted no event');
    else {
      expectThat(
        typeof result === 'string' && SKIP_REASON.test(result),
        `bad skip reason ${JSON.stringify(result)}`,
      );
      expectThat(events.length === before, `a skipped line (${result}) emitted an event`);
    }
  }
  for (const note of parser.notes()) expectThat(typeof note === 'string', 'a note that is no string');
  return events;
}

/** An event's `@timestamp` is what toISOString() writes, and the emitted time is the same instant. */
export function checkEvent(event: SecurityEvent, ts: number): void {
  expectThat(isPlainRecord(event), 'the event is not a plain object');
  const timestamp = event['@timestamp'];
  expectThat(typeof timestamp === 'string', '@timestamp is not a string');
  expectThat(Number.isFinite(ts), `the emitted time ${ts} is not finite`);
  expectThat(
    new Date(ts).toISOString() === timestamp,
    `@timestamp ${timestamp} is not the ISO form of ${ts}`,
  );
  expectThat(typeof event.event === 'object' && event.event !== null, 'event.event is not an object');
  checkPrototypes(event);
  JSON.stringify(event); // the journal and the store write it as JSON: no cycles, no BigInt
}

/** Every object in `value` has the prototype a JSON or YAML reader gives: none was swapped for another. */
export function checkPrototypes(value: unknown): void {
  const stack: unknown[] = [value];
  let visited = 0;
  while (stack.length > 0 && visited++ < 100_000) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null) continue;
    const prototype = Object.getPrototypeOf(item) as unknown;
    const expected = Array.isArray(item) ? Array.prototype : Object.prototype;
    expectThat(prototype === expected || prototype === null, 'an object with a foreign prototype');
    for (const key of Object.keys(item)) stack.push((item as Record<string, unknown>)[key]);
  }
}

/** Loader issues name the file, carry a message and no stack trace, and place themselves sensibly. */
export function checkIssues(issues: readonly ValidationIssue[], file: string): void {
  for (const issue of issues) {
    expectThat(issue.file === file, `an issue names ${String(issue.file)}, not ${file}`);
    expectThat(typeof issue.message === 'string' && issue.message !== '', 'an issue without a message');
    expectThat(!STACK_FRAME.test(issue.message), `a stack trace in an issue: ${issue.message.slice(0, 200)}`);
    if (issue.line !== undefined)
      expectThat(Number.isInteger(issue.line) && issue.line >= 1, `an issue at line ${issue.line}`);
    if (issue.column !== undefined)
      expectThat(Number.isInteger(issue.column) && issue.column >= 1, `an issue at column ${issue.column}`);
  }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
