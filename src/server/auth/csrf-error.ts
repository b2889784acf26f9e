import { KlaxonError } from '../../core/index.ts';

/** A state-changing request with a session cookie but without the session's CSRF token (HTTP 403, `csrf`). */
export class CsrfError extends KlaxonError {
  override name = 'CsrfError';
  constructor(message: string) {
    super('csrf', message);
  }
}
