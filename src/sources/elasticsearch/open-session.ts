import { readFile } from 'node:fs/promises';
import { isObject } from '../../core/index.ts';
import { detectCluster } from './detect-cluster.ts';
import type { ClusterInfo } from './detect-cluster.ts';
import { createEsClient } from './es-client.ts';
import type { EsClient } from './es-client.ts';
import type { EsProduct } from './official-client.ts';
import type { EsSettings } from './resolve-settings.ts';

/** A client with the cluster it talks to; dropped and opened again after any failure. */
export interface EsSession {
  client: EsClient;
  cluster: ClusterInfo;
}

/**
 * Reads the CAs (again, so a fixed file is picked up), connects with the official client of
 * `expected` (the source's type), learns the product and version from `GET /`, and goes on with the
 * other official client when the cluster is the other product.
 */
export async function openSession(
  settings: EsSettings,
  expected: EsProduct,
  signal: AbortSignal,
): Promise<EsSession | { error: string }> {
  let ca: string | undefined;
  for (const file of settings.caFiles) {
    const pem = await readCa(file);
    if (isObject(pem)) return pem;
    ca = ca === undefined ? pem : `${ca}\n${pem}`;
  }
  const client = createEsClient(settings, ca, expected);
  const cluster = await detectCluster(client, signal);
  if ('error' in cluster) {
    client.close();
    return cluster;
  }
  if (cluster.product === expected) return { client, cluster };
  client.close();
  return { client: createEsClient(settings, ca, cluster.product), cluster };
}

async function readCa(path: string): Promise<string | { error: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = isObject(error) && typeof error.code === 'string' ? error.code : 'unreadable';
    return { error: `cannot read ca_file ${path} (${code})` };
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    return { error: `ca_file ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)` };
  }
  return text;
}
