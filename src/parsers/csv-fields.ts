/**
 * The fields of one CSV record (RFC 4180: a field in double quotes may hold commas, line breaks
 * and doubled quotes), or undefined when a quote is left open or stray text follows a closing one.
 */
export function csvFields(record: string): string[] | undefined {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (record.charCodeAt(at) === 34 /* " */) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const quote = record.indexOf('"', from);
        if (quote === -1) return undefined;
        value += record.slice(from, quote);
        if (record.charCodeAt(quote + 1) !== 34) {
          at = quote + 1;
          break;
        }
        value += '"';
        from = quote + 2;
      }
      fields.push(value);
      if (at === record.length) return fields;
      if (record.charCodeAt(at) !== 44 /* , */) return undefined;
      at++;
      continue;
    }
    const comma = record.indexOf(',', at);
    fields.push(record.slice(at, comma === -1 ? undefined : comma));
    if (comma === -1) return fields;
    at = comma + 1;
  }
}

/** Whether the text ends inside a quoted field: the record goes on on the next line. */
export function endsInsideQuotes(text: string, startedInside: boolean): boolean {
  let inside = startedInside;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) inside = !inside;
  return inside;
}
