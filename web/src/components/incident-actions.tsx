import type { Incident } from '../api-types.ts';
import { canRespond } from '../permissions.ts';
import { useSession } from '../session.ts';
import { useAction } from '../use-action.ts';
import { ErrorNote } from './error-note.tsx';
import { MuteSourceButton } from './mute-source-button.tsx';
import { TextAction } from './text-action.tsx';

interface IncidentActionsProps {
  incident: Incident;
  onChanged: () => void;
}

/** What the signed-in person may do with the incident in its current status. */
export function IncidentActions({ incident, onChanged }: IncidentActionsProps) {
  const { api, user } = useSession();
  const after =
    <A extends unknown[]>(work: (...args: A) => Promise<unknown>) =>
    async (...args: A) => {
      await work(...args);
      onChanged();
    };
  const acknowledge = useAction(after(() => api.acknowledge(incident.serial)));
  const reopen = useAction(after(() => api.reopen(incident.serial)));
  if (!canRespond(user))
    return <p className="muted">You have read-only access ({user.role}); responders can act on incidents.</p>;
  const active = incident.status !== 'resolved';
  return (
    <div className="actions">
      {incident.status === 'open' && (
        <div>
          <button
            type="button"
            className="button-primary"
            onClick={() => acknowledge.run()}
            disabled={acknowledge.busy}
          >
            Acknowledge
          </button>
          <ErrorNote error={acknowledge.error} />
        </div>
      )}
      {!active && (
        <div>
          <button
            type="button"
            className="button-primary"
            onClick={() => reopen.run()}
            disabled={reopen.busy}
          >
            Reopen
          </button>
          <ErrorNote error={reopen.error} />
        </div>
      )}
      {active && (
        <TextAction
          label="Assign to"
          button="Assign"
          initial={incident.assignee ?? user.name}
          onSubmit={after((assignee: string) => api.assign(incident.serial, assignee))}
        />
      )}
      <TextAction
        label="Note"
        button="Add note"
        multiline
        placeholder="What you found or did"
        onSubmit={after((text: string) => api.addNote(incident.serial, text))}
      />
      {active && (
        <TextAction
          label="Resolution"
          button="Resolve"
          multiline
          placeholder="Why this is over: blocked, false positive, …"
          onSubmit={after((resolution: string) => api.resolve(incident.serial, resolution))}
        />
      )}
      {active && <MuteSourceButton incident={incident} onMuted={onChanged} />}
    </div>
  );
}
