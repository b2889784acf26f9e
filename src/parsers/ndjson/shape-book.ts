import type { FieldTrie } from './field-trie.ts';
import type { LearntShape } from './learn-shape.ts';
import { learnShape } from './learn-shape.ts';
import type { HoleSpans, ShapePattern } from './match-shape.ts';
import { generalPattern, matchPattern, MATCHED, refinedPattern, sharedSteps } from './match-shape.ts';
import { HoleReader } from './hole-reader.ts';
import type { ByteMatcher, ByteSpans } from './match-bytes.ts';
import { byteMatcher, NOT_ASCII } from './match-bytes.ts';

/** Lines of one shape read before values that never changed are folded into its literal text. */
const LEARN_LINES = 32;
/** Shapes learnt per input at most: beyond that, new shapes are parsed whole. */
const MAX_SHAPES = 64;
/** Lines of no learnt shape before the book gives up (when they outnumber those it knows 4 to 1). */
const GIVE_UP_MISSES = 10_000;
/** The longest hole list a shape may have (a line of a few thousand values is parsed whole). */
const MAX_HOLES = 4096;

/** A book that is gone gives its spans back to the byte matcher. */
const booksGone = new FinalizationRegistry<ByteSpans>((spans) => byteMatcher()?.release(spans));

interface Entry {
  general: ShapePattern;
  refined: ShapePattern | undefined;
  /** Per hole: whether some line had another value there than the first line. */
  varied: Uint8Array;
  /** Lines matched by the general pattern; refining again each time it doubles. */
  generalMatches: number;
  refineAt: number;
}

/**
 * The shapes of the lines of one input, and the values of the line last matched. Lines of a log
 * written by one program come in a handful of shapes; most of their values repeat too.
 */
export class ShapeBook {
  private readonly entries: Entry[] = [];
  /** Matches lines where they were read, when the caller says where (see match); the spans are then its. */
  private readonly bytes: ByteMatcher | undefined;
  private readonly byteSpans: ByteSpans | undefined;
  private readonly spans: HoleSpans;
  /** The values of the holes of the line last matched. */
  readonly holes: HoleReader;
  /** Where the bytes of the line being matched are in the byte matcher's memory (-1: nowhere), and their end. */
  private begin = -1;
  private end = 0;
  /** The bytes of the last line and where they begin in the matcher's memory (-1: elsewhere): a range's lines share them. */
  private lastBytes: Uint8Array | undefined;
  private lastBase = -1;

  constructor(private readonly trie: FieldTrie) {
    this.bytes = byteMatcher();
    this.byteSpans = this.bytes?.spans(MAX_HOLES);
    if (this.byteSpans !== undefined) booksGone.register(this, this.byteSpans);
    this.spans = this.byteSpans?.spans ?? {
      starts: new Int32Array(MAX_HOLES),
      ends: new Int32Array(MAX_HOLES),
      escaped: new Uint8Array(MAX_HOLES),
    };
    this.holes = new HoleReader(this.spans);
  }

  /**
   * The shape `line` has, if it was learnt; `holes` then reads its values. `bytes` (from `begin`,
   * `length` long), where given, are the line's UTF-8 bytes as read: matched in place if the line was
   * read into the byte matcher's memory (see ByteMatcher.arena), with the same answer.
   */
  match(line: string, bytes?: Uint8Array, begin = 0, length = 0): LearntShape | undefined {
    // Lines of ever new shapes (no program writes those; an attacker may): the book has learnt all
    // it may, and trying it on each line costs more than it saves.
    if (this.misses > GIVE_UP_MISSES && this.misses > 4 * this.hits) return undefined;
    if (bytes !== this.lastBytes && this.byteSpans !== undefined) {
      this.lastBytes = bytes;
      this.lastBase = bytes === undefined ? -1 : (this.bytes as ByteMatcher).addressOf(bytes, 0);
    }
    const at = bytes === undefined || this.lastBase < 0 ? -1 : this.lastBase + begin;
    this.begin = at;
    this.end = at + length;
    const found = this.find(line);
    if (found === undefined) this.misses++;
    else this.hits++;
    return found;
  }

  private hits = 0;
  private misses = 0;

  private find(line: string): LearntShape | undefined {
    this.failed = undefined;
    const entries = this.entries;
    // Refined patterns first: they read fewer holes, and each line usually fits one of them.
    for (let i = 0; i < entries.length; i++) {
      const refined = (entries[i] as Entry).refined;
      if (refined !== undefined && this.tryPattern(refined, line)) return this.matched(line, refined, i);
    }
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as Entry;
      if (this.tryPattern(entry.general, line)) {
        this.noteValues(entry, line);
        return this.matched(line, entry.general, i);
      }
    }
    return undefined;
  }

  private failed: ShapePattern | undefined;
  private failedAt = 0;

  /**
   * Lines of different shapes share most of their text (the same program wrote them): a pattern
   * that shares the steps the last one matched goes on from there, and one that shares the step
   * it failed at is not tried at all.
   */
  private tryPattern(pattern: ShapePattern, line: string): boolean {
    let from = 0;
    const failed = this.failed;
    if (failed !== undefined) {
      const shared = sharedSteps(failed, pattern);
      if (shared > this.failedAt) return false;
      from = shared;
    }
    const step = this.matchStep(pattern, line, from);
    if (step === MATCHED) return true;
    this.failed = pattern;
    this.failedAt = step;
    return false;
  }

  /** matchPattern, on the line's bytes where they can be. */
  private matchStep(pattern: ShapePattern, line: string, from: number): number {
    if (this.begin >= 0) {
      const matcher = this.bytes as ByteMatcher;
      if (pattern.table === undefined || pattern.tableGeneration !== matcher.generation) {
        pattern.table = matcher.tableOf(pattern);
        pattern.tableGeneration = matcher.generation;
      }
      const table = pattern.table;
      if (table !== 0) {
        const step = matcher.match(
          table,
          pattern.kinds.length,
          from,
          this.begin,
          this.end,
          this.byteSpans as ByteSpans,
        );
        if (step !== NOT_ASCII) return step;
        // The rest of this line is matched as text: the text matcher's spans count characters,
        // which the byte matcher would read as bytes when it went on from a step they share.
        this.begin = -1;
      }
    }
    return matchPattern(pattern, line, this.spans, from);
  }

  /** Learns the shape of a line JSON.parse accepted, reading what `trie` selects (by default the book's). */
  learn(line: string, trie = this.trie): void {
    if (this.entries.length >= MAX_SHAPES) return;
    const shape = learnShape(line, trie);
    if (shape === undefined || shape.kinds.length > MAX_HOLES) return;
    const general = generalPattern(shape);
    this.entries.push({
      general,
      refined: undefined,
      varied: new Uint8Array(shape.kinds.length),
      generalMatches: 0,
      refineAt: LEARN_LINES,
    });
  }

  private matched(line: string, pattern: ShapePattern, index: number): LearntShape {
    this.holes.line = line;
    this.holes.pattern = pattern;
    // The shape of the next line is most likely this one: it is tried first.
    if (index > 0) {
      const entries = this.entries;
      const entry = entries[index] as Entry;
      // Moved by hand: splice and unshift cost more than the few entries they move.
      for (let i = index; i > 0; i--) entries[i] = entries[i - 1] as Entry;
      entries[0] = entry;
    }
    return pattern.shape;
  }

  private noteValues(entry: Entry, line: string): void {
    const { firstText } = entry.general.shape;
    const { starts, ends } = this.spans;
    for (let hole = 0; hole < firstText.length; hole++) {
      if (entry.varied[hole] === 1) continue;
      const first = firstText[hole] as string;
      const start = starts[hole] as number;
      if (ends[hole] !== start + first.length || !line.startsWith(first, start)) entry.varied[hole] = 1;
    }
    if (++entry.generalMatches >= entry.refineAt) {
      entry.refined = refinedPattern(entry.general.shape, entry.varied);
      entry.refineAt *= 2;
    }
  }
}
