import type { FastifySchemaValidationError } from 'fastify';
import { ValidationError } from '../../core/index.ts';
import type { ValidationIssue } from '../../core/index.ts';

const PART: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'headers',
};

/**
 * Request schema failures as Klaxon's ValidationError, so they answer 400 `validation` with
 * `details` naming the part of the request, the field and what is wrong with it.
 */
export function toValidationError(
  errors: FastifySchemaValidationError[],
  dataVar: 'body' | 'headers' | 'params' | 'querystring',
): ValidationError {
  return new ValidationError(errors.map((error) => toIssue(error, PART[dataVar] ?? dataVar)));
}

function toIssue(error: FastifySchemaValidationError, part: string): ValidationIssue {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const path = error.instancePath
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (params.missingProperty !== undefined)
    return { file: part, field: [...path, params.missingProperty].join('.'), message: 'is required' };
  if (params.additionalProperty !== undefined)
    return {
      file: part,
      field: [...path, params.additionalProperty].join('.'),
      message: 'is not a known field',
    };
  const issue: ValidationIssue = { file: part, message: error.message ?? 'is not valid' };
  if (path.length > 0) issue.field = path.join('.');
  return issue;
}
