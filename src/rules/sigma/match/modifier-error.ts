/** A modifier that cannot apply: the message names the modifier and what it met. */
export class ModifierError extends Error {}
