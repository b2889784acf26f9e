import type { MessageLabels } from './message-labels.ts';

/** Fields of one message at most: a rendered message has a few dozen. */
const MOST_FIELDS = 256;
/** An identifier-like label (Sysmon's `Image:`, `CommandLine:`) is the field's own name. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * The EventData fields a rendered message shows: `Section:` headings, `Label:<tabs>value` lines
 * (indented under a heading, or alone), and lines indented twice or more that go on the value
 * before them (4672's privileges). A label is mapped by `labels` (by its section first); without a
 * table, or for a label it does not know that reads as a field name, the label is the name
 * (Sysmon's messages list `Name: value`). `-` values are kept, as Windows writes them.
 */
export function readMessageFields(
  lines: readonly string[],
  labels: MessageLabels | undefined,
): Record<string, string> {
  const fields: Record<string, string> = {};
  let section = '';
  let last: string | undefined;
  let count = 0;
  for (const line of lines) {
    if (line.trim() === '') {
      last = undefined;
      continue;
    }
    if (line.startsWith('\t\t') && last !== undefined) {
      fields[last] = `${fields[last]}\n${line.trim()}`;
      continue;
    }
    const indented = line.startsWith('\t') || line.startsWith(' ');
    const text = line.trim();
    const colon = text.indexOf(':');
    if (colon <= 0) {
      last = undefined;
      continue;
    }
    const label = text.slice(0, colon).trim();
    const value = text.slice(colon + 1).trim();
    if (value === '' && !indented) {
      section = label;
      last = undefined;
      continue;
    }
    if (!indented && labels !== undefined) section = '';
    const name = nameOf(label, section, labels);
    if (name === undefined || Object.hasOwn(fields, name) || count >= MOST_FIELDS) {
      last = undefined;
      continue;
    }
    fields[name] = value;
    last = name;
    count++;
  }
  return fields;
}

function nameOf(label: string, section: string, labels: MessageLabels | undefined): string | undefined {
  if (labels !== undefined) {
    const inSection = Object.hasOwn(labels.sections, section) ? labels.sections[section] : undefined;
    if (inSection !== undefined && Object.hasOwn(inSection, label)) return inSection[label];
    if (Object.hasOwn(labels.labels, label)) return labels.labels[label];
  }
  return FIELD_NAME.test(label) && label !== '__proto__' ? label : undefined;
}
