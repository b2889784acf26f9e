import type { Incident } from '../api-types.ts';

/** Only web links become links: a reference is text from a rule file, not to be trusted as a URL. */
function isWebLink(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text);
}

/** The Sigma rule an incident's rule came from: title, id, author, references (linked), false positives. */
export function SigmaRule({ sigma }: { sigma: NonNullable<Incident['sigma']> }) {
  return (
    <div className="sigma-rule">
      <p>
        <strong>{sigma.title}</strong>
        {sigma.id && (
          <>
            {' '}
            <code className="muted">{sigma.id}</code>
          </>
        )}
      </p>
      {sigma.author && <p className="muted">by {sigma.author}</p>}
      {sigma.references.length > 0 && (
        <>
          <h3>References</h3>
          <ul className="sigma-references">
            {sigma.references.map((reference) => (
              <li key={reference}>
                {isWebLink(reference) ? (
                  <a href={reference} target="_blank" rel="noopener noreferrer">
                    {reference}
                  </a>
                ) : (
                  reference
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {sigma.falsepositives.length > 0 && (
        <>
          <h3>False positives</h3>
          <ul>
            {sigma.falsepositives.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
