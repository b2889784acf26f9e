/**
 * The dotted field paths a selective read keeps, as a tree of names. A node without children
 * (`whole`) keeps its value entirely, whatever it holds; a node with children keeps, of an object
 * value, only those children (any other value is kept whole: it is what a reader of the path sees).
 */
export interface FieldTrie {
  whole: boolean;
  names: string[];
  nodes: FieldTrie[];
}

export function buildFieldTrie(paths: Iterable<string>): FieldTrie {
  return buildStepTrie([...paths].map((path) => path.split('.')));
}

/** buildFieldTrie of paths given as their steps (a step may hold a dot: a dotted key as written). */
export function buildStepTrie(paths: Iterable<readonly string[]>): FieldTrie {
  const root: FieldTrie = { whole: false, names: [], nodes: [] };
  for (const path of paths) {
    let node = root;
    for (const step of path) {
      if (node.whole) break;
      const at = node.names.indexOf(step);
      if (at !== -1) {
        node = node.nodes[at] as FieldTrie;
        continue;
      }
      const child: FieldTrie = { whole: false, names: [], nodes: [] };
      node.names.push(step);
      node.nodes.push(child);
      node = child;
    }
    // A shorter path keeps the whole value: the longer ones below it need nothing more.
    if (node !== root) {
      node.whole = true;
      node.names = [];
      node.nodes = [];
    }
  }
  return root;
}
