/** Reads ECS fields by dotted path (`source.ip`) from nested event objects. */
import { generatedFieldGetter } from './generated-field-getter.ts';

export type FieldGetter = (doc: unknown) => unknown;

/**
 * Compiles a dotted path once into a getter; the getter returns undefined for any missing step. A
 * step named as something objects inherit (`constructor`, `toString`, `__proto__`, `toJSON`) reads
 * only an event's own field: an event read whole, slim or light (whose objects inherit differently)
 * gives the same value, and never a function.
 */
export function compileFieldGetter(path: string): FieldGetter {
  const steps = path.split('.');
  if (steps.some(isInheritedName)) return ownFieldGetter(steps);
  return generatedFieldGetter(path, steps) ?? closureFieldGetter(steps);
}

/** compileFieldGetter as closures, where code generation is refused (and to test the generated getters by). */
export function closureFieldGetter(steps: readonly string[]): FieldGetter {
  // Unrolled for the common depths: the loop below costs about 20 ns more per read. Inner steps
  // need no array check: an array has no named fields, so reading one gives undefined anyway.
  if (steps.length === 1) {
    const [only] = steps as [string];
    return (doc) => (isObject(doc) ? doc[only] : undefined);
  }
  if (steps.length === 2) {
    const [a, b] = steps as [string, string];
    return (doc) => {
      const first = isRecord(doc) ? doc[a] : undefined;
      return isRecord(first) ? first[b] : undefined;
    };
  }
  if (steps.length === 3) {
    const [a, b, c] = steps as [string, string, string];
    return (doc) => {
      const first = isRecord(doc) ? doc[a] : undefined;
      const second = isRecord(first) ? first[b] : undefined;
      return isRecord(second) ? second[c] : undefined;
    };
  }
  return (doc) => {
    let current: unknown = doc;
    for (const step of steps) {
      if (!isRecord(current)) return undefined;
      current = current[step];
    }
    return current;
  };
}

function isInheritedName(step: string): boolean {
  return step in Object.prototype || step === 'toJSON';
}

function ownFieldGetter(steps: readonly string[]): FieldGetter {
  return (doc) => {
    let current: unknown = doc;
    for (const step of steps) {
      if (!isRecord(current) || !Object.hasOwn(current, step)) return undefined;
      current = current[step];
    }
    return current;
  };
}

export function getField(doc: unknown, path: string): unknown {
  return compileFieldGetter(path)(doc);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field value as the string a group key or a message shows; arrays join with commas. */
export function fieldText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(String).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
