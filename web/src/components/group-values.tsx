/** The incident's group key (`source.ip=203.0.113.9`): who or what the incident is about. */
export function GroupValues({ group }: { group: Record<string, string> }) {
  const entries = Object.entries(group);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <span className="group-values">
      {entries.map(([field, value]) => (
        <span key={field} className="group-value">
          <span className="muted">{field}</span> <code>{value}</code>
        </span>
      ))}
    </span>
  );
}
