import { useState } from 'react';
import { ErrorNote } from '../components/error-note.tsx';
import { LoadingNote } from '../components/loading-note.tsx';
import { SilenceForm } from '../components/silence-form.tsx';
import { SilenceTable } from '../components/silence-table.tsx';
import { canRespond } from '../permissions.ts';
import { useSession } from '../session.ts';
import { useAction } from '../use-action.ts';
import { useLoad } from '../use-load.ts';

export function SilencesPage() {
  const { api, user } = useSession();
  const [activeOnly, setActiveOnly] = useState(true);
  const silences = useLoad(() => api.silences(activeOnly), [api, activeOnly]);
  const expire = useAction(async (id: string) => {
    await api.expireSilence(id);
    silences.reload();
  });
  return (
    <>
      <div className="page-head">
        <h1>Silences</h1>
        <label className="check">
          <input type="checkbox" checked={activeOnly} onChange={(e) => setActiveOnly(e.target.checked)} />
          active only
        </label>
      </div>
      {canRespond(user) && <SilenceForm onCreated={silences.reload} />}
      <ErrorNote error={silences.error} />
      {silences.data ? (
        <SilenceTable
          silences={silences.data}
          now={Date.now()}
          canExpire={canRespond(user)}
          onExpire={(id) => void expire.run(id)}
          expireError={expire.error}
        />
      ) : (
        !silences.error && <LoadingNote what="silences" />
      )}
    </>
  );
}
