import { useState } from 'react';
import type { Incident, SilenceMatcher } from '../api-types.ts';
import { useSession } from '../session.ts';
import { useAction } from '../use-action.ts';
import { ErrorNote } from './error-note.tsx';

const MUTE_DURATION = '2h';

/** What "this source" means: the source address when the incident has one, else its whole group key. */
function muteMatchers(incident: Incident): SilenceMatcher[] {
  const source = incident.group['source.ip'];
  if (source !== undefined) return [{ field: 'source.ip', value: source }];
  const group = Object.entries(incident.group).map(([field, value]) => ({ field, value }));
  return group.length > 0 ? group : [{ field: 'rule', value: incident.ruleId }];
}

/** Silences further notifications about this incident's source for two hours. */
export function MuteSourceButton({ incident, onMuted }: { incident: Incident; onMuted: () => void }) {
  const { api } = useSession();
  const [done, setDone] = useState<string>();
  const matchers = muteMatchers(incident);
  const mute = useAction(() =>
    api.createSilence({
      matchers,
      duration: MUTE_DURATION,
      comment: `Muted from incident #${incident.serial} (${incident.title})`,
    }),
  );
  const what = matchers.map((m) => `${m.field}=${m.value}`).join(', ');
  const click = async () => {
    if (await mute.run()) {
      setDone(`Muted ${what} for 2 h.`);
      onMuted();
    }
  };
  return (
    <div className="mute">
      <button type="button" onClick={click} disabled={mute.busy} title={`Silence ${what} for 2 hours`}>
        Mute this source for 2 h
      </button>
      {done && (
        <p className="ok-note" role="status">
          {done}
        </p>
      )}
      <ErrorNote error={mute.error} />
    </div>
  );
}
