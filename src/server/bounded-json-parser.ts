import type { FastifyInstance } from 'fastify';
import { JSON_LIMITS, JsonLimitError, checkJsonText } from '../core/index.ts';

/** Request bodies are bounded in size by the server's `bodyLimit` (413); here only the depth counts. */
const BODY_LIMITS = { maxDepth: JSON_LIMITS.maxDepth, maxLength: Number.POSITIVE_INFINITY };

/**
 * Replaces Fastify's JSON body parser with one that first refuses a body nested deeper than
 * JSON_LIMITS.maxDepth (400 `too_deep`), then parses as Fastify does (`__proto__` and
 * `constructor` keys refused), so no route ever walks a hostile depth.
 */
export function useBoundedJsonParser(app: FastifyInstance): void {
  const parseDefault = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const refusal = checkJsonText(body as string, BODY_LIMITS);
    if (refusal !== null) {
      done(new JsonLimitError(refusal, 'the JSON body', BODY_LIMITS), undefined);
      return;
    }
    parseDefault(request, body as string, done);
  });
}
