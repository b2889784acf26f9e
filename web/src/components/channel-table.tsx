import type { ChannelView } from '../api-types.ts';
import { formatDateTime, formatRelative } from '../format-time.ts';
import { channelState } from './channel-health.tsx';

interface ChannelTableProps {
  channels: ChannelView[];
  canRetry: boolean;
  busyName: string | undefined;
  onRetry: (name: string) => void;
}

/** Delivery health per channel; the failure text comes redacted from the server. */
export function ChannelTable({ channels, canRetry, busyName, onRetry }: ChannelTableProps) {
  if (channels.length === 0) return <p className="muted">No channels configured.</p>;
  return (
    <table className="table stack-on-phone">
      <thead>
        <tr>
          <th>Channel</th>
          <th>Last sent</th>
          <th>Last failure</th>
          <th>Pending</th>
          <th>Dead</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {channels.map((channel) => (
          <tr key={channel.name}>
            <td data-label="Channel">
              <span className={`health-dot health-${channelState(channel)}`} aria-hidden="true" />{' '}
              <strong>{channel.name}</strong> <span className="muted">{channel.type}</span>
              {channel.detail && <div className="muted small">{channel.detail}</div>}
            </td>
            <td data-label="Last sent" title={formatDateTime(channel.lastSentAt)}>
              {channel.lastSentAt ? formatRelative(channel.lastSentAt) : '—'}
            </td>
            <td data-label="Last failure">
              {channel.lastFailure ? (
                <>
                  <span className="failure-reason">{channel.lastFailure.reason}</span>{' '}
                  {channel.lastFailure.message}
                  <div className="muted small">
                    {formatDateTime(channel.lastFailedAt ?? channel.lastFailure.at)}
                  </div>
                </>
              ) : (
                '—'
              )}
            </td>
            <td data-label="Pending">{channel.pending}</td>
            <td data-label="Dead">{channel.dead}</td>
            <td>
              {canRetry && channel.dead > 0 && (
                <button
                  type="button"
                  disabled={busyName === channel.name}
                  onClick={() => onRetry(channel.name)}
                >
                  Retry {channel.dead} dead
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
