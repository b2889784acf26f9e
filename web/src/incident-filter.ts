import { INCIDENT_STATUSES, PRIORITIES } from '../../src/core/index.ts';
import type { IncidentQuery, IncidentSort, IncidentStatus, Priority } from './api-types.ts';

export const SORTS: readonly IncidentSort[] = ['newest', 'oldest', 'priority'];
export const PAGE_SIZE = 25;

/** The incident list's filters, kept in the address so a filtered view can be shared and reloaded. */
export interface IncidentFilter {
  status: IncidentStatus[];
  priority: Priority[];
  rule: string;
  q: string;
  sort: IncidentSort;
  page: number;
}

export function readFilter(search: URLSearchParams): IncidentFilter {
  const list = <T extends string>(name: string, allowed: readonly T[]): T[] =>
    (search.get(name) ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  const sort = search.get('sort') as IncidentSort | null;
  const page = Number(search.get('page') ?? '1');
  return {
    status: list('status', INCIDENT_STATUSES),
    priority: list('priority', PRIORITIES),
    rule: search.get('rule') ?? '',
    q: search.get('q') ?? '',
    sort: sort && SORTS.includes(sort) ? sort : 'newest',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function writeFilter(filter: IncidentFilter): string {
  const params = new URLSearchParams();
  if (filter.status.length) params.set('status', filter.status.join(','));
  if (filter.priority.length) params.set('priority', filter.priority.join(','));
  if (filter.rule) params.set('rule', filter.rule);
  if (filter.q) params.set('q', filter.q);
  if (filter.sort !== 'newest') params.set('sort', filter.sort);
  if (filter.page > 1) params.set('page', String(filter.page));
  const text = params.toString();
  return text ? `/incidents?${text}` : '/incidents';
}

export function toQuery(filter: IncidentFilter): IncidentQuery {
  return {
    status: filter.status,
    priority: filter.priority,
    rule: filter.rule || undefined,
    q: filter.q || undefined,
    sort: filter.sort,
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  };
}
