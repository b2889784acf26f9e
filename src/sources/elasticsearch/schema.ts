import { z } from 'zod';
import { parseDuration } from '../../core/index.ts';

/** A duration as written in klaxon.yaml (`30s`, `2m`, `1h30m`); kept as text so it shows as written. */
function duration(options: { positive: boolean }) {
  return z.string().refine(
    (text) => {
      const ms = parseDuration(text);
      return ms !== undefined && (!options.positive || ms > 0);
    },
    `must be a duration such as 30s, 2m or 1h${options.positive ? ', above zero' : ''}`,
  );
}

const url = z
  .string()
  .refine(
    (text) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol),
    'must be an http:// or https:// URL',
  )
  .refine((text) => {
    const parsed = URL.canParse(text) ? new URL(text) : undefined;
    return !parsed?.username && !parsed?.password;
  }, 'must not carry a user name or password: use username/password or api_key');

/** A field path as Elasticsearch names it (`source.ip`). */
const fieldName = z.string().regex(/^[^\s"*,]+$/, 'must be a field name such as source.ip');

const pushdownSchema = z
  .object({
    /** Fields whose values make one group (one synthetic document per group that crosses the threshold). */
    group_by: z.array(fieldName).min(1).max(10),
    /** Groups with fewer matching documents in the window are not reported. */
    threshold: z.number().int().min(1),
    /** The trailing window counted at each poll. */
    window: duration({ positive: true }),
    /** Copied to `klaxon.pushdown.rule` so a rule can pick out the documents of this aggregation. */
    rule: z.string().min(1).optional(),
  })
  .strict();

const sslSchema = z
  .object({
    /** PEM files of the CAs that signed the cluster's certificate (as Beats' `ssl.certificate_authorities`). */
    certificate_authorities: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** `full` (default): chain and host name; `certificate`: chain only; `none`: no check at all. */
    verification_mode: z.enum(['full', 'strict', 'certificate', 'none']).default('full'),
  })
  .strict();

export const esConfigSchema = z
  .object({
    /** The cluster (or a proxy in front of it): `https://es.example:9200`, a path prefix is kept. */
    url: url.optional(),
    /** Several nodes of one cluster, as Beats' `output.elasticsearch.hosts`; used instead of `url`. */
    hosts: z.array(url).min(1).optional(),
    /** Elastic Cloud: the deployment's Cloud ID instead of `url` (as Beats' `cloud.id`). */
    cloud: z
      .object({ id: z.string().regex(/^[^:]*:[A-Za-z0-9+/=]+$/, 'must be a Cloud ID (name:base64)') })
      .strict()
      .optional(),
    ssl: sslSchema.optional(),
    /** gzip the request bodies (as Beats' `compression_level`; 0, the default, sends them plain). */
    compression_level: z.number().int().min(0).max(9).default(0),
    /** Index, alias, data stream or pattern; several separated by commas (`winlogbeat-*`). */
    index: z.string().regex(/^[^\s/"]+$/, 'must be an index name or pattern such as winlogbeat-*'),
    /** A Lucene query string (`event.code:(4624 OR 4625)`) or a query DSL object; all documents when absent. */
    query: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
    interval: duration({ positive: true }).default('30s'),
    /** How far back each poll looks again for documents that became searchable late. */
    overlap: duration({ positive: false }).default('2m'),
    page_size: z.number().int().min(1).max(10_000).default(1000),
    timestamp_field: fieldName.default('@timestamp'),
    /** PEM file of the CA that signed the cluster's certificate (the config folder is the base). */
    ca_file: z.string().min(1).optional(),
    /** For basic auth, with `password` among the secrets. */
    username: z.string().min(1).optional(),
    /** On the very first run, how far back to start; `0s` (the default) reads only new documents. */
    start_from: duration({ positive: false }).default('0s'),
    /** Longest wait for one answer of the cluster. */
    timeout: duration({ positive: true }).default('30s'),
    /** Count groups in the cluster instead of fetching documents (threshold rules on very large indices). */
    pushdown: z.union([pushdownSchema, z.array(pushdownSchema).min(1)]).optional(),
  })
  .strict()
  .refine(
    (config) => [config.url, config.hosts, config.cloud].filter((value) => value !== undefined).length === 1,
    'set exactly one of url, hosts or cloud.id',
  );

export const esSecretsSchema = z
  .object({
    /** The encoded API key as Elasticsearch shows it, or `id:api_key` (encoded here). */
    api_key: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    /** Sent as `Authorization: Bearer <token>` (a token of the cluster's token service or a proxy). */
    bearer_token: z.string().min(1).optional(),
  })
  .strict();

export type EsConfig = z.infer<typeof esConfigSchema>;
export type EsSecrets = z.infer<typeof esSecretsSchema>;
