/** Longer values are no typo of a key or a name; measuring them would only cost time. */
const MAX_LENGTH = 100;

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function suggestClosest(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > MAX_LENGTH) return undefined;
  const lowered = input.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(input.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a long hostile value costs nothing.
    if (Math.abs(candidate.length - lowered.length) >= bestDistance) continue;
    const distance = measureEditDistance(lowered, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

export function formatSuggestion(input: string, candidates: readonly string[]): string {
  const closest = suggestClosest(input, candidates);
  return closest === undefined ? '' : `; did you mean \`${closest}\`?`;
}

/** Levenshtein distance with adjacent transpositions counted as one edit; three rows kept. */
function measureEditDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, (beforePrevious[j - 2] as number) + 1);
      }
      row[j] = distance;
    }
    beforePrevious = previous;
    previous = row;
  }
  return previous[b.length] as number;
}
