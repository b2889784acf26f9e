import type { SilenceMatcher } from '../api-types.ts';

interface MatcherRowsProps {
  matchers: SilenceMatcher[];
  onChange: (matchers: SilenceMatcher[]) => void;
}

/** Editable field = value (or regex) rows; `rule` matches the rule id, other fields the group key. */
export function MatcherRows({ matchers, onChange }: MatcherRowsProps) {
  const update = (index: number, patch: Partial<SilenceMatcher>) =>
    onChange(matchers.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  return (
    <fieldset className="matchers">
      <legend>Matchers (all must match)</legend>
      {matchers.map((matcher, i) => (
        <div className="matcher-row" key={i}>
          <input
            className="matcher-field"
            aria-label={`Field ${i + 1}`}
            placeholder="source.ip or rule"
            value={matcher.field}
            onChange={(e) => update(i, { field: e.target.value })}
          />
          <span className="matcher-op" aria-hidden="true">
            {matcher.regex ? '=~' : '='}
          </span>
          <input
            className="matcher-value"
            aria-label={`Value ${i + 1}`}
            placeholder="203.0.113.9"
            value={matcher.value}
            onChange={(e) => update(i, { value: e.target.value })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={matcher.regex ?? false}
              onChange={(e) => update(i, { regex: e.target.checked })}
            />
            regex
          </label>
          <button
            type="button"
            className="button-quiet"
            aria-label={`Remove matcher ${i + 1}`}
            disabled={matchers.length === 1}
            onClick={() => onChange(matchers.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button-quiet"
        onClick={() => onChange([...matchers, { field: '', value: '' }])}
      >
        + Add matcher
      </button>
    </fieldset>
  );
}
