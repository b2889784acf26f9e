import type { FormEvent } from 'react';
import { useState } from 'react';
import { useAction } from '../use-action.ts';
import { ErrorNote } from './error-note.tsx';

interface TextActionProps {
  label: string;
  button: string;
  placeholder?: string;
  multiline?: boolean;
  initial?: string;
  /** Resolves when the change is stored; the text is then cleared. */
  onSubmit: (text: string) => Promise<unknown>;
}

/** A labelled text box with one button: assign, add a note, resolve with a resolution. */
export function TextAction({
  label,
  button,
  placeholder,
  multiline,
  initial = '',
  onSubmit,
}: TextActionProps) {
  const [text, setText] = useState(initial);
  const action = useAction(onSubmit);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    if (await action.run(text.trim())) setText('');
  };
  return (
    <div>
      <form className={multiline ? 'text-action' : 'text-action text-action-inline'} onSubmit={submit}>
        <label>
          {label}
          {multiline ? (
            <textarea
              rows={2}
              value={text}
              placeholder={placeholder}
              onChange={(e) => setText(e.target.value)}
            />
          ) : (
            <input value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} />
          )}
        </label>
        <button type="submit" disabled={action.busy || text.trim() === ''}>
          {button}
        </button>
      </form>
      <ErrorNote error={action.error} />
    </div>
  );
}
