import type { FormEvent } from 'react';
import { useState } from 'react';
import type { SilenceMatcher } from '../api-types.ts';
import { useSession } from '../session.ts';
import { useAction } from '../use-action.ts';
import { ErrorNote } from './error-note.tsx';
import { MatcherRows } from './matcher-rows.tsx';
import { SilencePreview } from './silence-preview.tsx';

const DURATIONS = ['30m', '1h', '2h', '4h', '12h', '1d', '7d'];

/** Creates a silence from matchers, a duration and a comment (who created it is the session's user). */
export function SilenceForm({ onCreated }: { onCreated: () => void }) {
  const { api } = useSession();
  const [matchers, setMatchers] = useState<SilenceMatcher[]>([{ field: 'source.ip', value: '' }]);
  const [duration, setDuration] = useState('2h');
  const [comment, setComment] = useState('');
  const create = useAction(() =>
    api.createSilence({
      matchers: matchers.map((m) => ({
        field: m.field.trim(),
        value: m.value.trim(),
        ...(m.regex ? { regex: true } : {}),
      })),
      duration,
      comment: comment.trim(),
    }),
  );
  const complete = matchers.every((m) => m.field.trim() && m.value.trim()) && comment.trim() !== '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await create.run())) return;
    setMatchers([{ field: 'source.ip', value: '' }]);
    setComment('');
    onCreated();
  };
  return (
    <form className="card silence-form" onSubmit={submit}>
      <h2>New silence</h2>
      <MatcherRows matchers={matchers} onChange={setMatchers} />
      <SilencePreview matchers={matchers} />
      <div className="form-row">
        <label className="field">
          Duration
          <select value={duration} onChange={(e) => setDuration(e.target.value)}>
            {DURATIONS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-grow">
          Comment
          <input
            value={comment}
            required
            placeholder="Why: planned scan, known false positive, …"
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
      </div>
      <button type="submit" className="button-primary" disabled={!complete || create.busy}>
        Create silence
      </button>
      <ErrorNote error={create.error} />
    </form>
  );
}
