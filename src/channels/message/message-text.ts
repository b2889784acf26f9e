import type { Incident, SecurityEvent } from '../../core/index.ts';
import { summarizeEvent } from '../../parsers/index.ts';
import { clipText } from '../clip-text.ts';

/** The text pieces messages are built from: times, spans, who/where, evidence lines. */

export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 120) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function groupText(incident: Pick<Incident, 'group'>): string {
  const entries = Object.entries(incident.group);
  return entries.length === 0 ? '(all)' : entries.map(([field, value]) => `${field}=${value}`).join(' ');
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** `2026-03-02T03:40:29Z 4625 failed logon: CORP\alice from 203.0.113.9 (WS-12), …` */
export function evidenceLine(event: SecurityEvent): string {
  const at = Date.parse(event['@timestamp']);
  const summary = summarizeEvent(event);
  return Number.isNaN(at) ? summary : `${iso(Math.floor(at / 1000) * 1000)} ${summary}`;
}

export function clip(text: string, max: number): string {
  return clipText(text.replace(/\s+/g, ' '), max);
}
