import type { Incident } from '../../core/index.ts';
import { xmlText } from './xml-text.ts';

/** The time an incident last changed, as far as the incident itself tells. */
function changedAt(incident: Incident): number {
  return Math.max(
    incident.openedAt,
    incident.lastSeen,
    incident.acknowledgedAt ?? 0,
    incident.resolvedAt ?? 0,
  );
}

function describeGroup(group: Record<string, string>): string {
  return Object.entries(group)
    .map(([field, value]) => `${field}=${value}`)
    .join(' ');
}

/**
 * Incidents (newest first) as an Atom feed (RFC 4287) for feed readers and chat integrations. Each
 * entry links to the incident in the dashboard: `<publicUrl>/incidents/<serial>`, relative when no
 * public URL is configured.
 */
export function renderAtomFeed(
  incidents: readonly Incident[],
  publicUrl: string | undefined,
  now: number,
): string {
  const base = (publicUrl ?? '').replace(/\/+$/, '');
  const updated = incidents.length === 0 ? now : Math.max(...incidents.map(changedAt));
  const entries = incidents.map((incident) => {
    const link = `${base}/incidents/${incident.serial}`;
    const group = describeGroup(incident.group);
    const title = `#${incident.serial} ${incident.priority} ${incident.title}${group ? ` (${group})` : ''}`;
    const summary = `${incident.status}, ${incident.count} events, ${incident.severity} severity, ${incident.confidence} confidence`;
    return [
      '  <entry>',
      `    <id>urn:klaxon:incident:${incident.serial}</id>`,
      `    <title>${xmlText(title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(link)}"/>`,
      `    <published>${new Date(incident.openedAt).toISOString()}</published>`,
      `    <updated>${new Date(changedAt(incident)).toISOString()}</updated>`,
      `    <category term="${xmlText(incident.priority)}"/>`,
      `    <category term="${xmlText(incident.status)}"/>`,
      `    <summary>${xmlText(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '  <id>urn:klaxon:incidents</id>',
    '  <title>Klaxon incidents</title>',
    `  <updated>${new Date(updated).toISOString()}</updated>`,
    '  <author><name>Klaxon</name></author>',
    ...(base === '' ? [] : [`  <link rel="alternate" type="text/html" href="${xmlText(`${base}/`)}"/>`]),
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
