import type { ValueCount } from '../api-types.ts';
import { Link } from '../router.tsx';

interface TopListProps {
  title: string;
  items: ValueCount[];
  empty: string;
}

/** The most frequent values with a bar for scale; each opens the incidents that mention it. */
export function TopList({ title, items, empty }: TopListProps) {
  const max = Math.max(1, ...items.map((item) => item.count));
  return (
    <section className="card">
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="top-list">
          {items.map((item) => (
            <li key={item.value}>
              <Link to={`/incidents?q=${encodeURIComponent(item.value)}`} className="top-value">
                <code>{item.value}</code>
              </Link>
              <span className="top-bar" aria-hidden="true">
                <span className="top-fill" style={{ width: `${(item.count / max) * 100}%` }} />
              </span>
              <span className="top-count">{item.count}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
