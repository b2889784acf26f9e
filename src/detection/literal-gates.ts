import type { FieldGetter, SecurityEvent } from '../core/index.ts';
import { compileFieldGetter } from '../core/index.ts';
import type { LiteralGate } from '../rules/index.ts';
import { AhoCorasick } from './aho-corasick.ts';

/** One rule behind a literal gate: open for the event numbered `openFor`. */
export interface Gated {
  openFor: number;
}

/** The rules gated on the same fields: one automaton over all their literals. */
interface GateGroup {
  readers: FieldGetter[];
  literals: string[];
  indexOf: Map<string, number>;
  owners: Gated[][];
  automaton?: AhoCorasick;
  scannedFor: number;
}

/**
 * Literal gates of many rules: the first gated candidate of an event scans the event's text
 * once per group of fields, opening every rule one of whose literals occurs in it.
 */
export class LiteralGates {
  private readonly groups = new Map<string, GateGroup>();
  private readonly groupsOf = new Map<Gated, GateGroup[]>();

  /** The owner is open for events that hold a literal of any of its gates. */
  add(gates: readonly LiteralGate[], owner: Gated): void {
    for (const gate of gates) this.addOne(gate, owner);
  }

  private addOne(gate: LiteralGate, owner: Gated): void {
    const key = JSON.stringify(gate.fields);
    let group = this.groups.get(key);
    if (group === undefined) {
      group = {
        readers: gate.fields.map(compileFieldGetter),
        literals: [],
        indexOf: new Map(),
        owners: [],
        scannedFor: -1,
      };
      this.groups.set(key, group);
    }
    for (const literal of new Set(gate.values)) {
      const index = group.indexOf.get(literal);
      if (index !== undefined) {
        (group.owners[index] as Gated[]).push(owner);
      } else {
        group.indexOf.set(literal, group.literals.length);
        group.literals.push(literal);
        group.owners.push([owner]);
      }
    }
    const groups = this.groupsOf.get(owner) ?? [];
    if (!groups.includes(group)) groups.push(group);
    this.groupsOf.set(owner, groups);
  }

  /** Whether the gated rule may match the event numbered `number`. */
  isOpen(owner: Gated, event: SecurityEvent, number: number): boolean {
    const groups = this.groupsOf.get(owner);
    if (groups === undefined) return true;
    for (const group of groups) {
      if (group.scannedFor !== number) scan(group, event, number);
      if (owner.openFor === number) return true;
    }
    return false;
  }
}

function scan(group: GateGroup, event: SecurityEvent, number: number): void {
  group.scannedFor = number;
  const automaton = (group.automaton ??= new AhoCorasick(group.literals));
  const open = (index: number): void => {
    for (const owner of group.owners[index] as Gated[]) owner.openFor = number;
  };
  for (const read of group.readers) {
    const value = read(event);
    if (Array.isArray(value)) {
      for (const element of value) scanText(automaton, element, open);
    } else {
      scanText(automaton, value, open);
    }
  }
}

function scanText(automaton: AhoCorasick, value: unknown, open: (index: number) => void): void {
  if (typeof value === 'string') automaton.forEachMatch(value.toLowerCase(), open);
  else if (typeof value === 'number' || typeof value === 'boolean')
    automaton.forEachMatch(String(value), open);
}
