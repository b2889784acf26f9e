import type { FormEvent } from 'react';
import { useState } from 'react';
import { INCIDENT_STATUSES, PRIORITIES } from '../../../src/core/index.ts';
import type { RuleView } from '../api-types.ts';
import type { IncidentFilter } from '../incident-filter.ts';
import { SORTS } from '../incident-filter.ts';
import { CheckGroup } from './check-group.tsx';

interface IncidentFiltersProps {
  filter: IncidentFilter;
  rules: RuleView[];
  onChange: (filter: IncidentFilter) => void;
}

export function IncidentFilters({ filter, rules, onChange }: IncidentFiltersProps) {
  const [text, setText] = useState(filter.q);
  const change = (patch: Partial<IncidentFilter>) => onChange({ ...filter, ...patch, page: 1 });
  const search = (event: FormEvent) => {
    event.preventDefault();
    change({ q: text.trim() });
  };
  return (
    <form className="filters" onSubmit={search} role="search">
      <CheckGroup
        legend="Status"
        options={INCIDENT_STATUSES}
        chosen={filter.status}
        onChange={(status) => change({ status })}
      />
      <CheckGroup
        legend="Priority"
        options={PRIORITIES}
        chosen={filter.priority}
        onChange={(priority) => change({ priority })}
      />
      <label className="field">
        Rule
        <select value={filter.rule} onChange={(e) => change({ rule: e.target.value })}>
          <option value="">any rule</option>
          {rules.map((rule) => (
            <option key={rule.id} value={rule.id}>
              {rule.id}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Sort
        <select
          value={filter.sort}
          onChange={(e) => change({ sort: e.target.value as IncidentFilter['sort'] })}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {sort}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-grow">
        Search
        <span className="search-row">
          <input
            type="search"
            placeholder="address, user, host…"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit">Search</button>
        </span>
      </label>
    </form>
  );
}
