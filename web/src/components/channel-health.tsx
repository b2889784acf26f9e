import type { ChannelView } from '../api-types.ts';
import { formatRelative } from '../format-time.ts';

/** One line per channel: a coloured dot (ok, backlog, dead letters) and when it last delivered. */
export function ChannelHealth({ channels }: { channels: ChannelView[] }) {
  if (channels.length === 0) return <p className="muted">No channels configured.</p>;
  return (
    <ul className="channel-health">
      {channels.map((channel) => {
        const state = channelState(channel);
        return (
          <li key={channel.name}>
            <span className={`health-dot health-${state}`} aria-hidden="true" />
            <span className="channel-name">{channel.name}</span>
            <span className="muted">{channel.type}</span>
            <span className="channel-note">
              {state === 'dead'
                ? `${channel.dead} dead`
                : state === 'backlog'
                  ? `${channel.pending} pending`
                  : channel.lastSentAt
                    ? `sent ${formatRelative(channel.lastSentAt)}`
                    : 'nothing sent yet'}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function channelState(channel: ChannelView): 'ok' | 'backlog' | 'dead' {
  if (channel.dead > 0) return 'dead';
  if (channel.pending > 0) return 'backlog';
  return 'ok';
}
