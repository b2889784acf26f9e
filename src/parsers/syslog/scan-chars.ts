export const SPACE = 32;
export const COLON = 58;

/** Process ids are 32-bit everywhere; a longer run of digits is no pid (and loses precision as a number). */
export const MAX_PID = 0xffff_ffff;

/** The value of an ASCII digit, or -1 (also for NaN, i.e. past the end of the string). */
export function digitAt(text: string, index: number): number {
  const value = text.charCodeAt(index) - 48;
  return value >= 0 && value <= 9 ? value : -1;
}

/** Two digits at `index` as a number, or -1. */
export function twoDigitsAt(text: string, index: number): number {
  const tens = digitAt(text, index);
  const ones = digitAt(text, index + 1);
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

/** Reusable out-parameter for scanners that return their end index and one number. */
export interface NumberOut {
  value: number;
}
