// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROLS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/g;

/** CEF header field: `\` and `|` escaped; no line breaks allowed, so they become spaces. */
export function escapeCefHeader(text: string): string {
  return text
    .replace(/[\r\n]/g, ' ')
    .replace(CONTROLS, ' ')
    .replace(/[\\|]/g, (char) => `\\${char}`);
}

/** CEF extension value: `\` and `=` escaped, line breaks written as `\n` and `\r`. */
export function escapeCefValue(text: string): string {
  return text
    .replace(CONTROLS, ' ')
    .replace(/[\\=]/g, (char) => `\\${char}`)
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n');
}
