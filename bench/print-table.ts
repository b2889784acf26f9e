/** Prints rows as columns padded to their widest cell, the first row the header. */
export function printTable(table: string[][]): void {
  const widths = (table[0] as string[]).map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
  for (const row of table)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i] as number))
        .join('  ')
        .trimEnd(),
    );
}
