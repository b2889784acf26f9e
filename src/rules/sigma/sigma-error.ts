import { KlaxonError } from '../../core/index.ts';

/** A Sigma rule Klaxon cannot run: names the file, line, field and the construct. */
export class SigmaRuleError extends KlaxonError {
  override name = 'SigmaRuleError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string | undefined,
    readonly reason: string,
  ) {
    super('sigma', `${file}:${line}: ${field ? `${field}: ` : ''}${reason}`);
  }
}
