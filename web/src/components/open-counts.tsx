import { PRIORITIES } from '../../../src/core/index.ts';
import type { Priority } from '../api-types.ts';
import { PRIORITY_NAMES } from '../priorities.ts';
import { Link } from '../router.tsx';

/** Open (and acknowledged) incidents per priority; each tile opens the filtered list. */
export function OpenCounts({ open }: { open: Record<Priority, number> }) {
  return (
    <ul className="open-counts" aria-label="Open incidents by priority">
      {PRIORITIES.map((priority) => (
        <li key={priority}>
          <Link
            to={`/incidents?status=open,acknowledged&priority=${priority}`}
            className={`open-tile tile-${priority} ${open[priority] ? '' : 'tile-zero'}`}
          >
            <span className="open-count">{open[priority] ?? 0}</span>
            <span className="open-label">
              {priority} <span className="muted">{PRIORITY_NAMES[priority]}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
