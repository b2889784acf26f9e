import { ErrorNote } from '../components/error-note.tsx';
import { IncidentFilters } from '../components/incident-filters.tsx';
import { IncidentTable } from '../components/incident-table.tsx';
import { LoadingNote } from '../components/loading-note.tsx';
import { Pager } from '../components/pager.tsx';
import type { IncidentFilter } from '../incident-filter.ts';
import { PAGE_SIZE, readFilter, toQuery, writeFilter } from '../incident-filter.ts';
import { useLive } from '../live-updates.ts';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.ts';
import { useLoad } from '../use-load.ts';

export function IncidentsPage() {
  const { api } = useSession();
  const { version } = useLive();
  const location = useLocation();
  const filter = readFilter(location.search);
  const key = writeFilter(filter);
  const incidents = useLoad(() => api.incidents(toQuery(filter)), [api, key, version]);
  const rules = useLoad(() => api.rules(), [api]);
  const change = (next: IncidentFilter) => navigate(writeFilter(next));
  return (
    <>
      <div className="page-head">
        <h1>Incidents</h1>
        {incidents.data && <span className="muted">{incidents.data.total} in all</span>}
      </div>
      <IncidentFilters key={filter.q} filter={filter} rules={rules.data ?? []} onChange={change} />
      <ErrorNote error={incidents.error} />
      {incidents.data ? (
        <>
          <IncidentTable incidents={incidents.data.items} />
          <Pager
            page={filter.page}
            pageSize={PAGE_SIZE}
            total={incidents.data.total}
            onPage={(page) => change({ ...filter, page })}
          />
        </>
      ) : (
        !incidents.error && <LoadingNote what="incidents" />
      )}
    </>
  );
}
