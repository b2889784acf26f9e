import * as z from 'zod';
import type { SourceDefinition } from '../sources/index.ts';
import { elasticsearchSource, fileSource, opensearchSource, syslogSource } from '../sources/index.ts';

/** `type: http`: events posted to the ingest API (`POST /api/v1/events`) of this server. */
export const HTTP_SOURCE_TYPE = 'http';

type SourceSchemas = Pick<SourceDefinition, 'configSchema' | 'secretsSchema'>;

const httpSourceSchemas: SourceSchemas = {
  configSchema: z.strictObject({ format: z.string().optional() }) as z.ZodType<unknown>,
  secretsSchema: z.strictObject({}) as z.ZodType<unknown>,
};

const definitions = [fileSource, syslogSource, elasticsearchSource, opensearchSource] as SourceDefinition[];

/**
 * Every source type klaxon.yaml may name, by `type:`. The `http` source is built by the daemon
 * itself (it reads the store's ingest journal), so only its schemas are listed here.
 */
export const SOURCE_DEFINITIONS: ReadonlyMap<string, SourceDefinition> = new Map(
  definitions.map((definition) => [definition.type, definition]),
);

export const SOURCE_TYPES: ReadonlyMap<string, SourceSchemas> = new Map<string, SourceSchemas>([
  ...definitions.map((definition): [string, SourceSchemas] => [definition.type, definition]),
  [HTTP_SOURCE_TYPE, httpSourceSchemas],
]);
