/** RFC 5424 structured data: SD-ID → parameter name → value (escapes `\"`, `\\`, `\]` undone). */
export type StructuredData = Record<string, Record<string, string>>;

const ELEMENT = /\[([^\s\]="]+)((?:\s+[^\s\]="]+="(?:[^"\\]|\\.)*")*)\s*\]/gy;
const PARAM = /([^\s\]="]+)="((?:[^"\\]|\\.)*)"/g;

/**
 * Parses STRUCTURED-DATA as written in a line (`[exampleSDID@32473 iut="3" eventSource="App"]`).
 * Kept out of the line parser so only callers that need it pay for it. Undefined when malformed.
 */
export function parseStructuredData(text: string): StructuredData | undefined {
  const result: StructuredData = {};
  ELEMENT.lastIndex = 0;
  let consumed = 0;
  for (let match = ELEMENT.exec(text); match; match = ELEMENT.exec(text)) {
    const params: Record<string, string> = {};
    for (const param of (match[2] ?? '').matchAll(PARAM)) {
      params[param[1] as string] = (param[2] as string).replace(/\\(["\\\]])/g, '$1');
    }
    result[match[1] as string] = params;
    consumed = ELEMENT.lastIndex;
  }
  return consumed === text.length && consumed > 0 ? result : undefined;
}
