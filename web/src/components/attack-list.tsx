import { describeTechnique } from '../../../src/triage/index.ts';

/** MITRE ATT&CK techniques with their names, linking to attack.mitre.org. */
export function AttackList({ ids }: { ids: string[] }) {
  if (ids.length === 0) return <p className="muted">No ATT&amp;CK techniques tagged.</p>;
  return (
    <ul className="attack-list">
      {ids.map((id) => {
        const technique = describeTechnique(id);
        return (
          <li key={id}>
            <a href={technique.url} target="_blank" rel="noopener noreferrer">
              <code>{technique.id}</code> {technique.name ?? 'technique'}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
