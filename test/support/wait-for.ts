/**
 * Polls `probe` until it gives a value (not undefined/false), or fails after `ms`. A probe that
 * throws (its own store query met the fault) counts as "not yet".
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    let value: T | undefined | false;
    let failure: unknown;
    try {
      value = await probe();
    } catch (error) {
      failure = error;
    }
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${ms} ms waiting for ${what}${failure ? `: ${String(failure)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
