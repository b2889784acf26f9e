import type { Priority } from '../api-types.ts';

export function PriorityBadge({ priority }: { priority: Priority }) {
  return <span className={`badge badge-${priority}`}>{priority}</span>;
}
