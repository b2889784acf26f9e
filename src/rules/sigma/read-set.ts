/**
 * The event fields a compiled Sigma rule reads (dotted paths), gathered while it compiles: every
 * place a Sigma field may be read from (see fieldCandidates) and the fields its log source is told
 * by. A keyword search looks in every field: the rule then reads the whole event.
 */
export class ReadSet {
  private readonly fields = new Set<string>();
  private whole = false;

  add(paths: Iterable<string>): void {
    for (const path of paths) this.fields.add(path);
  }

  /** A search that looks in every field of the event. */
  addWholeEvent(): void {
    this.whole = true;
  }

  /** The fields, sorted; undefined when the whole event is read (a rule's `reads`). */
  list(): string[] | undefined {
    return this.whole ? undefined : [...this.fields].sort();
  }
}

/** Every field any of the lists reads, sorted; undefined (the whole event) when one of them is. */
export function unionReads(lists: readonly (readonly string[] | undefined)[]): string[] | undefined {
  const set = new ReadSet();
  for (const list of lists) {
    if (list === undefined) return undefined;
    set.add(list);
  }
  return set.list();
}
