import type { SecurityEvent } from '../../../src/core/index.ts';
import { getField } from '../../../src/core/index.ts';
import { formatDateTime } from '../format-time.ts';

const SHOWN_FIELDS = ['event.action', 'event.outcome', 'user.name', 'source.ip', 'host.name', 'url.path'];

/** The sample events: the raw line when there is one, else the telling fields. */
export function EvidenceList({ samples }: { samples: SecurityEvent[] }) {
  if (samples.length === 0) return <p className="muted">No evidence kept.</p>;
  return (
    <ol className="evidence">
      {samples.map((event, i) => {
        const original = event.event?.original;
        return (
          <li key={i}>
            <time className="muted small">{formatDateTime(Date.parse(event['@timestamp']))}</time>
            {typeof original === 'string' ? <pre>{original}</pre> : <pre>{describeFields(event)}</pre>}
          </li>
        );
      })}
    </ol>
  );
}

function describeFields(event: SecurityEvent): string {
  return SHOWN_FIELDS.map((field) => [field, getField(event, field)] as const)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([field, value]) => `${field}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
}
