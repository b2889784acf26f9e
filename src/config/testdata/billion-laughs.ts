/** Nine levels of nine aliases each: 9^9 (387 million) values once expanded. */
export function billionLaughs(): string {
  const lines = ['x-lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 9; i++)
    lines.push(
      `x-lol${i}: &lol${i} [${Array(9)
        .fill(`*lol${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}
