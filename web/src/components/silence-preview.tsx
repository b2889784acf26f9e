import { useEffect, useState } from 'react';
import type { SilenceMatcher } from '../api-types.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.ts';
import { useLoad } from '../use-load.ts';
import { ErrorNote } from './error-note.tsx';
import { PriorityBadge } from './priority-badge.tsx';

const DEBOUNCE_MS = 400;

/** The matchers worth previewing (both sides filled in), as a stable key for effects. */
function previewKey(matchers: SilenceMatcher[]): string {
  const filled = matchers
    .map((m) => ({ field: m.field.trim(), value: m.value.trim(), ...(m.regex ? { regex: true } : {}) }))
    .filter((m) => m.field && m.value);
  return filled.length === matchers.length ? JSON.stringify(filled) : '';
}

/** Warnings and the open incidents the silence would mute, refreshed a moment after the matchers change. */
export function SilencePreview({ matchers }: { matchers: SilenceMatcher[] }) {
  const { api } = useSession();
  const key = previewKey(matchers);
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  const preview = useLoad(
    () =>
      settled ? api.previewSilence(JSON.parse(settled) as SilenceMatcher[]) : Promise.resolve(undefined),
    [api, settled],
  );
  if (!settled) return null;
  const { warnings = [], incidents = [] } = preview.data ?? {};
  return (
    <div className="silence-preview" aria-live="polite">
      <ErrorNote error={preview.error} />
      {warnings.map((warning) => (
        <p key={warning} className="silence-warning" role="alert">
          ⚠ {warning}
        </p>
      ))}
      {preview.data && (
        <p className="muted">
          {incidents.length === 0
            ? 'Mutes no open incident now.'
            : `Mutes ${incidents.length} open incident${incidents.length === 1 ? '' : 's'} now:`}
        </p>
      )}
      {incidents.length > 0 && (
        <ul className="silence-preview-list">
          {incidents.map((incident) => (
            <li key={incident.serial}>
              <PriorityBadge priority={incident.priority} />{' '}
              <Link to={`/incidents/${incident.serial}`}>
                #{incident.serial} {incident.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
