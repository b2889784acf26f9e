/** The built-in prototypes an attacker would like to write to (`__proto__`, `constructor.prototype`). */
const WATCHED: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['String.prototype', String.prototype],
  ['Function.prototype', Function.prototype],
];

export type PrototypeSnapshot = Map<object, Map<PropertyKey, PropertyDescriptor>>;

export function snapshotPrototypes(): PrototypeSnapshot {
  return new Map(
    WATCHED.map(([, prototype]) => [prototype, new Map(Object.entries(descriptorsOf(prototype)))]),
  );
}

/** Properties added to or changed on a watched prototype since the snapshot, e.g. `Object.prototype.polluted`. */
export function prototypeChanges(snapshot: PrototypeSnapshot): string[] {
  const changes: string[] = [];
  for (const [name, prototype] of WATCHED) {
    const before = snapshot.get(prototype) as Map<PropertyKey, PropertyDescriptor>;
    for (const [key, descriptor] of Object.entries(descriptorsOf(prototype))) {
      const old = before.get(key);
      if (old === undefined || old.value !== descriptor.value || old.get !== descriptor.get)
        changes.push(`${name}.${key}`);
    }
  }
  if (({} as Record<string, unknown>).polluted !== undefined) changes.push('({}).polluted');
  return changes;
}

/** Puts the prototypes back as they were, so one polluting input does not fail every later one. */
export function restorePrototypes(snapshot: PrototypeSnapshot): void {
  for (const [, prototype] of WATCHED) {
    const before = snapshot.get(prototype) as Map<PropertyKey, PropertyDescriptor>;
    for (const key of Object.getOwnPropertyNames(prototype)) {
      if (!before.has(key)) delete (prototype as Record<string, unknown>)[key];
    }
    for (const [key, descriptor] of before) Object.defineProperty(prototype, key, descriptor);
  }
}

function descriptorsOf(prototype: object): Record<string, PropertyDescriptor> {
  return Object.getOwnPropertyDescriptors(prototype) as Record<string, PropertyDescriptor>;
}
