import { useState } from 'react';
import { ChannelTable } from '../components/channel-table.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { LoadingNote } from '../components/loading-note.tsx';
import { useLive } from '../live-updates.ts';
import { canRespond } from '../permissions.ts';
import { useSession } from '../session.ts';
import { useAction } from '../use-action.ts';
import { useLoad } from '../use-load.ts';

export function ChannelsPage() {
  const { api, user } = useSession();
  const { version } = useLive();
  const channels = useLoad(() => api.channels(), [api, version]);
  const [busyName, setBusyName] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const retry = useAction(async (name: string) => {
    setBusyName(name);
    try {
      const { retried } = await api.retryChannel(name);
      setNotice(`${retried} dead ${retried === 1 ? 'message' : 'messages'} of ${name} queued again.`);
      channels.reload();
    } finally {
      setBusyName(undefined);
    }
  });
  return (
    <>
      <div className="page-head">
        <h1>Channels</h1>
        <button type="button" className="button-quiet" onClick={channels.reload}>
          Refresh
        </button>
      </div>
      {notice && (
        <p className="ok-note" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={channels.error ?? retry.error} />
      {channels.data ? (
        <ChannelTable
          channels={channels.data}
          canRetry={canRespond(user)}
          busyName={busyName}
          onRetry={(name) => void retry.run(name)}
        />
      ) : (
        !channels.error && <LoadingNote what="channels" />
      )}
    </>
  );
}
