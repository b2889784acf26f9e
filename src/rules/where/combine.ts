import type { EventPredicate } from '../model.ts';

/** AND of predicates, unrolled for the short lists rules usually have. */
export function combineAll(predicates: readonly EventPredicate[]): EventPredicate {
  const [a, b, c] = predicates as EventPredicate[];
  switch (predicates.length) {
    case 0:
      return () => true;
    case 1:
      return a as EventPredicate;
    case 2:
      return (event) => (a as EventPredicate)(event) && (b as EventPredicate)(event);
    case 3:
      return (event) =>
        (a as EventPredicate)(event) && (b as EventPredicate)(event) && (c as EventPredicate)(event);
    default:
      return (event) => {
        for (const predicate of predicates) if (!predicate(event)) return false;
        return true;
      };
  }
}

/** OR of predicates. */
export function combineAny(predicates: readonly EventPredicate[]): EventPredicate {
  const [a, b] = predicates as EventPredicate[];
  switch (predicates.length) {
    case 0:
      return () => false;
    case 1:
      return a as EventPredicate;
    case 2:
      return (event) => (a as EventPredicate)(event) || (b as EventPredicate)(event);
    default:
      return (event) => {
        for (const predicate of predicates) if (predicate(event)) return true;
        return false;
      };
  }
}
