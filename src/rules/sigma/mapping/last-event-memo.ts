/**
 * Remembers a function's result for the last event it saw. Hundreds of Sigma rules ask the same
 * questions of one event in a row (its id, whether it is from the Security channel, its
 * `CommandLine`); the first asks, the others get the answer by an identity check. Events are not
 * changed while the rules run, which is what makes this sound.
 */
export function memoizeLastEvent<T>(compute: (event: unknown) => T): (event: unknown) => T {
  let lastEvent: unknown;
  let lastResult: T;
  let filled = false;
  return (event) => {
    if (filled && event === lastEvent) return lastResult;
    lastResult = compute(event);
    lastEvent = event;
    filled = true;
    return lastResult;
  };
}
