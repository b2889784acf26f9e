/** Typed-array columns indexed by key slot, grown by copying (the caller picks the new length). */
export function growFloat64(
  column: Float64Array<ArrayBuffer>,
  capacity: number,
  fill = 0,
): Float64Array<ArrayBuffer> {
  if (capacity <= column.length) return column;
  const grown = new Float64Array(capacity);
  grown.set(column);
  if (fill !== 0) grown.fill(fill, column.length);
  return grown;
}

export function growInt32(column: Int32Array<ArrayBuffer>, capacity: number): Int32Array<ArrayBuffer> {
  if (capacity <= column.length) return column;
  const grown = new Int32Array(capacity);
  grown.set(column);
  return grown;
}

export function growUint8(column: Uint8Array<ArrayBuffer>, capacity: number): Uint8Array<ArrayBuffer> {
  if (capacity <= column.length) return column;
  const grown = new Uint8Array(capacity);
  grown.set(column);
  return grown;
}

/** A plain array of per-slot objects, grown with holes filled (a long `length` jump makes it sparse). */
export function growSlots<T>(column: (T | undefined)[], capacity: number): void {
  while (column.length < capacity) column.push(undefined);
}

/** Per-slot data every window condition keeps in its own columns. */
export interface SlotStore {
  /** Makes slots 0..capacity-1 usable. */
  grow(capacity: number): void;
  /** The key of `slot` went away: drop what it held (the slot will be reused). */
  free(slot: number): void;
  /** Every key went away: drop all columns (grow comes again before any slot is used). */
  reset(): void;
}

export function growUint16(column: Uint16Array<ArrayBuffer>, capacity: number): Uint16Array<ArrayBuffer> {
  if (capacity <= column.length) return column;
  const grown = new Uint16Array(capacity);
  grown.set(column);
  return grown;
}
