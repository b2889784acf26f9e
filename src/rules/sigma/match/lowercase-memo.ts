/**
 * Lowercases text, remembering the last few results: hundreds of Sigma rules read the same
 * `CommandLine` or `Image` of one event one after another, and each would lowercase it again.
 * A hit costs a string comparison (by identity first); the memory is eight strings.
 */
const SIZE = 8;
const inputs: string[] = new Array<string>(SIZE).fill('');
const outputs: string[] = new Array<string>(SIZE).fill('');
let next = 0;

export function lowercaseMemo(text: string): string {
  for (let i = 0; i < SIZE; i++) if (inputs[i] === text) return outputs[i] as string;
  const lowered = text.toLowerCase();
  inputs[next] = text;
  outputs[next] = lowered;
  next = (next + 1) % SIZE;
  return lowered;
}
