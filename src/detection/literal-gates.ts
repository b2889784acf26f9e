import type { SecurityEvent } from '../core/index.ts';
import type { LiteralGate } from '../rules/index.ts';
import { AhoCorasick } from './aho-corasick.ts';
import { ManyFields } from './many-fields.ts';

/** A rule behind literal gates; `openFor`: the number of the last event that opened it. */
export interface Gated {
  openFor: number;
}

/** All the literals wanted in one event field, whichever rules want them. */
interface FieldScan<T extends Gated> {
  literals: string[];
  indexOf: Map<string, number>;
  owners: T[][];
  automaton?: RecentTexts;
}

/**
 * The literal gates of many rules, by event field: one automaton per field holds the literals of
 * every rule that reads it, so an event costs one scan per field it has, however many rules
 * there are, and only the rules whose literals occur are reported.
 */
export class LiteralGates<T extends Gated> {
  private readonly scans = new Map<string, FieldScan<T>>();
  /** The scans in order, and their fields read at once (made at the first event). */
  private ordered: FieldScan<T>[] = [];
  private reader: ManyFields | undefined;
  private readonly values: unknown[] = [];

  /** The owner opens for events that hold a literal of any of its gates in any of the gate's fields. */
  add(gates: readonly LiteralGate[], owner: T): void {
    for (const gate of gates) {
      for (const field of new Set(gate.fields)) this.addField(field, gate.values, owner);
    }
  }

  // The scan under way: kept in fields so no closure is made per event.
  private scan: FieldScan<T> | undefined;
  private number = 0;
  private open: (owner: T) => void = () => {};
  private readonly found = (index: number): void => {
    for (const owner of (this.scan as FieldScan<T>).owners[index] as T[]) {
      if (owner.openFor === this.number) continue;
      owner.openFor = this.number;
      this.open(owner);
    }
  };

  /** Calls `open` once for each owner that the event (numbered `number`) opens. */
  forEachOpen(event: SecurityEvent, number: number, open: (owner: T) => void): void {
    if (this.scans.size === 0) return;
    this.number = number;
    this.open = open;
    if (this.reader === undefined) {
      this.ordered = [...this.scans.values()];
      this.reader = new ManyFields([...this.scans.keys()]);
    }
    const { ordered, values } = this;
    this.reader.readAll(event, values);
    for (let i = 0; i < ordered.length; i++) {
      const value = values[i];
      if (value === undefined || value === null) continue;
      const scan = ordered[i] as FieldScan<T>;
      this.scan = scan;
      const automaton = (scan.automaton ??= new RecentTexts(searcher(scan.literals)));
      if (Array.isArray(value)) {
        for (const element of value) scanText(automaton, element, this.found);
      } else {
        scanText(automaton, value, this.found);
      }
    }
  }

  private addField(field: string, values: readonly string[], owner: T): void {
    let scan = this.scans.get(field);
    if (scan === undefined) {
      this.reader = undefined;
      scan = { literals: [], indexOf: new Map(), owners: [] };
      this.scans.set(field, scan);
    }
    for (const literal of new Set(values)) {
      const index = scan.indexOf.get(literal);
      if (index === undefined) {
        scan.indexOf.set(literal, scan.literals.length);
        scan.literals.push(literal);
        scan.owners.push([owner]);
      } else if (!(scan.owners[index] as T[]).includes(owner)) {
        (scan.owners[index] as T[]).push(owner);
      }
    }
  }
}

/** Literal searcher: for a few literals the engine's own substring search beats a scan in JavaScript. */
interface Searcher {
  /** Reports the literals found in the text lowered. */
  forEachMatchIgnoringCase(text: string, found: (index: number) => void): void;
}

const FEW_LITERALS = 24;

function searcher(literals: readonly string[]): Searcher {
  if (literals.length > FEW_LITERALS) return new AhoCorasick(literals);
  return {
    forEachMatchIgnoringCase(text, found) {
      const lower = text.toLowerCase();
      for (let i = 0; i < literals.length; i++) if (lower.includes(literals[i] as string)) found(i);
    },
  };
}

/** Texts longer than this are searched each time rather than remembered. */
const REMEMBERED_CHARS = 256;
const REMEMBERED_TEXTS = 512;
/** Texts searched without remembering after a full memory that was asked more often than it knew. */
const UNREMEMBERED_TEXTS = 8192;

/**
 * The literals found in recently seen texts: logs repeat the same images and command lines, so
 * most texts need a map lookup instead of a search. Forgets everything when full; a field whose
 * texts rarely repeat (command lines with ids in them) fills it with misses, so once that happens
 * it searches the next texts without remembering them before it tries again.
 */
class RecentTexts {
  private readonly seen = new Map<string, number[]>();
  private hits = 0;
  private unremembered = 0;

  constructor(private readonly inner: Searcher) {}

  forEachMatch(text: string, found: (index: number) => void): void {
    if (text.length > REMEMBERED_CHARS || this.unremembered > 0) {
      if (this.unremembered > 0) this.unremembered--;
      this.inner.forEachMatchIgnoringCase(text, found);
      return;
    }
    let indexes = this.seen.get(text);
    if (indexes === undefined) {
      indexes = this.search(text);
    } else {
      this.hits++;
    }
    for (let i = 0; i < indexes.length; i++) found(indexes[i] as number);
  }

  private search(text: string): number[] {
    const hits: number[] = [];
    this.inner.forEachMatchIgnoringCase(text, (index) => hits.push(index));
    if (this.seen.size >= REMEMBERED_TEXTS) {
      if (this.hits < REMEMBERED_TEXTS) this.unremembered = UNREMEMBERED_TEXTS;
      this.hits = 0;
      this.seen.clear();
    }
    this.seen.set(text, hits);
    return hits;
  }
}

function scanText(automaton: RecentTexts, value: unknown, found: (index: number) => void): void {
  if (typeof value === 'string') automaton.forEachMatch(value, found);
  else if (typeof value === 'number' || typeof value === 'boolean')
    automaton.forEachMatch(String(value), found);
}
