/** The share of the non-blank lines of `sample` that `fits` (0 when all are blank): a format's sniff score. */
export function shareOfLines(sample: readonly string[], fits: (line: string) => boolean): number {
  let lines = 0;
  let matching = 0;
  for (const line of sample) {
    if (line.trim() === '') continue;
    lines++;
    if (fits(line)) matching++;
  }
  return lines === 0 ? 0 : matching / lines;
}
