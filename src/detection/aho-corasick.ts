/** Automata up to this many nodes times 128 get a table of ASCII moves (4 bytes each). */
const MAX_ASCII_TABLE = 1 << 21;

/**
 * Finds which of many literals occur in a text in one pass over it (Aho–Corasick). Built once
 * per rule set; `forEachMatch` reports the index of every literal found (repeats included).
 */
export class AhoCorasick {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Literal indexes ending at a node. */
  private readonly own: number[][] = [[]];
  /** The nearest node down the fail chain that ends a literal (-1: none). */
  private readonly dict: number[] = [-1];
  /** Root transitions of ASCII characters (0: none): most characters start no literal. */
  private readonly rootAscii = new Int32Array(128);
  /** Whether reaching a node reports anything (it ends a literal, or one down its fail chain does). */
  private reports = new Uint8Array(0);
  /**
   * Every node's move on every ASCII character, fail links followed and upper case read as lower
   * (node * 128 + code); undefined for automata too big to spell out.
   */
  private readonly ascii: Int32Array | undefined;

  constructor(literals: readonly string[]) {
    literals.forEach((literal, index) => this.add(literal, index));
    this.link();
    for (const [code, target] of this.next[0] as Map<number, number>) {
      if (code < 128) this.rootAscii[code] = target;
    }
    this.reports = Uint8Array.from(this.own, (own, node) =>
      own.length > 0 || (this.dict[node] as number) > 0 ? 1 : 0,
    );
    this.ascii = this.next.length * 128 <= MAX_ASCII_TABLE ? this.asciiTable() : undefined;
  }

  /**
   * Reports what forEachMatch(text.toLowerCase()) reports, in the same order, without lowering an
   * ASCII text: at its first other character the rest is read from the lowered text, whose part
   * before is the same ASCII lowered one character at a time.
   */
  forEachMatchIgnoringCase(text: string, found: (index: number) => void): void {
    const { ascii, reports } = this;
    if (ascii === undefined) {
      this.forEachMatch(text.toLowerCase(), found);
      return;
    }
    let read = text;
    let state = 0;
    for (let i = 0; i < read.length; i++) {
      let code = read.charCodeAt(i);
      if (code >= 128 && read === text) {
        read = text.toLowerCase();
        code = read.charCodeAt(i);
      }
      state = code < 128 ? (ascii[state * 128 + code] as number) : this.move(state, code);
      if (reports[state] !== 0) this.report(state, found);
    }
  }

  forEachMatch(text: string, found: (index: number) => void): void {
    const { next, fail, own, dict, rootAscii, reports } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (state === 0 && code < 128) {
        state = rootAscii[code] as number;
      } else {
        let target = next[state]?.get(code);
        while (target === undefined && state !== 0) {
          state = fail[state] as number;
          target = next[state]?.get(code);
        }
        state = target ?? 0;
      }
      if (reports[state] === 0) continue;
      for (
        let node = own[state]?.length ? state : (dict[state] as number);
        node > 0;
        node = dict[node] as number
      ) {
        for (const index of own[node] as number[]) found(index);
      }
    }
  }

  private move(from: number, code: number): number {
    const { next, fail } = this;
    let state = from;
    let target = next[state]?.get(code);
    while (target === undefined && state !== 0) {
      state = fail[state] as number;
      target = next[state]?.get(code);
    }
    return target ?? 0;
  }

  private report(state: number, found: (index: number) => void): void {
    const { own, dict } = this;
    for (
      let node = own[state]?.length ? state : (dict[state] as number);
      node > 0;
      node = dict[node] as number
    ) {
      for (const index of own[node] as number[]) found(index);
    }
  }

  /** Nodes in breadth-first order fill the table from their fail node's row, already filled. */
  private asciiTable(): Int32Array {
    const table = new Int32Array(this.next.length * 128);
    const queue = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      const edges = this.next[state] as Map<number, number>;
      const fallback = (this.fail[state] as number) * 128;
      for (let code = 0; code < 128; code++) {
        const lower = code >= 65 && code <= 90 ? code + 32 : code;
        const target = edges.get(lower);
        table[state * 128 + code] = target ?? (state === 0 ? 0 : (table[fallback + code] as number));
      }
      queue.push(...edges.values());
    }
    return table;
  }

  private add(literal: string, index: number): void {
    if (literal.length === 0) return;
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const code = literal.charCodeAt(i);
      const edges = this.next[state] as Map<number, number>;
      let target = edges.get(code);
      if (target === undefined) {
        target = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.own.push([]);
        this.dict.push(-1);
        edges.set(code, target);
      }
      state = target;
    }
    (this.own[state] as number[]).push(index);
  }

  /** Breadth first: a node's fail link points to a shallower node, already linked. */
  private link(): void {
    const queue: number[] = [...(this.next[0] as Map<number, number>).values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      for (const [code, target] of this.next[state] as Map<number, number>) {
        let fallback = this.fail[state] as number;
        while (fallback !== 0 && !this.next[fallback]?.has(code)) fallback = this.fail[fallback] as number;
        const link = this.next[fallback]?.get(code);
        this.fail[target] = link !== undefined && link !== target ? link : 0;
        const failed = this.fail[target] as number;
        this.dict[target] =
          (this.own[failed] as number[]).length > 0 ? failed : (this.dict[failed] as number);
        queue.push(target);
      }
    }
  }
}
