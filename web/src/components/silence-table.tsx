import type { Silence } from '../api-types.ts';
import { formatDateTime, formatRelative } from '../format-time.ts';
import { ErrorNote } from './error-note.tsx';

interface SilenceTableProps {
  silences: Silence[];
  now: number;
  canExpire: boolean;
  onExpire: (id: string) => void;
  expireError: Error | undefined;
}

const isActive = (silence: Silence, now: number) =>
  silence.startsAt <= now &&
  silence.endsAt > now &&
  (silence.expiredAt === undefined || silence.expiredAt > now);

export function SilenceTable({ silences, now, canExpire, onExpire, expireError }: SilenceTableProps) {
  if (silences.length === 0) return <p className="muted">No silences.</p>;
  return (
    <>
      <ErrorNote error={expireError} />
      <table className="table stack-on-phone">
        <thead>
          <tr>
            <th>Matchers</th>
            <th>Ends</th>
            <th>Created by</th>
            <th>Comment</th>
            <th>State</th>
          </tr>
        </thead>
        <tbody>
          {silences.map((silence) => {
            const active = isActive(silence, now);
            return (
              <tr key={silence.id}>
                <td data-label="Matchers">
                  {silence.matchers.map((m, i) => (
                    <code key={i} className="matcher">
                      {m.field}
                      {m.regex ? '=~' : '='}
                      {m.value}
                    </code>
                  ))}
                </td>
                <td data-label="Ends" title={formatDateTime(silence.endsAt)}>
                  {silence.expiredAt !== undefined
                    ? `expired ${formatRelative(silence.expiredAt, now)}`
                    : formatRelative(silence.endsAt, now)}
                </td>
                <td data-label="Created by">
                  {silence.createdBy}
                  <div className="muted small">{formatDateTime(silence.createdAt)}</div>
                </td>
                <td data-label="Comment">{silence.comment}</td>
                <td data-label="State">
                  {active ? (
                    <span className="status status-open">active</span>
                  ) : (
                    <span className="muted">ended</span>
                  )}
                  {active && canExpire && (
                    <button type="button" className="button-quiet" onClick={() => onExpire(silence.id)}>
                      Expire
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
