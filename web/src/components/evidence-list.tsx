import type { SecurityEvent } from '../../../src/core/index.ts';
import { getField } from '../../../src/core/index.ts';
import { formatDateTime } from '../format-time.ts';

const SHOWN_FIELDS = ['event.action', 'event.outcome', 'user.name', 'source.ip', 'host.name', 'url.path'];

/**
 * The sample events, each as the server's one-line summary (the telling fields when there is
 * none); the raw record as read is one click away, never the shown evidence.
 */
export function EvidenceList({
  samples,
  summaries,
}: {
  samples: SecurityEvent[];
  summaries?: { summary: string }[] | undefined;
}) {
  if (samples.length === 0) return <p className="muted">No evidence kept.</p>;
  return (
    <ol className="evidence">
      {samples.map((event, i) => {
        const original = event.event?.original;
        const summary = summaries?.[i]?.summary;
        return (
          <li key={i}>
            <time className="muted small">{formatDateTime(Date.parse(event['@timestamp']))}</time>
            <p className="evidence-summary">{summary ?? describeFields(event)}</p>
            {typeof original === 'string' && (
              <details>
                <summary className="muted small">raw record</summary>
                <pre>{original}</pre>
              </details>
            )}
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
    .join(', ');
}
