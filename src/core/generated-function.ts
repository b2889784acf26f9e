/**
 * A function compiled from `body` with `params`, or undefined where code generation from strings is
 * refused (node --disallow-code-generation-from-strings): the caller then keeps its interpreted
 * form. Generated code names fields only by string literals written by JSON.stringify (which reads
 * back as the same string whatever it holds), never holds a value of the input, and is strict.
 */
export function generatedFunction<F>(params: readonly string[], body: string): F | undefined {
  try {
    return new Function(...params, `'use strict';\n${body}`) as F;
  } catch {
    return undefined;
  }
}
