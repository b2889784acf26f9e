import { readFile } from 'node:fs/promises';
import { isObject } from '../../core/index.ts';
import { detectCluster } from './detect-cluster.ts';
import type { ClusterInfo } from './detect-cluster.ts';
import { createEsClient } from './es-client.ts';
import type { EsClient } from './es-client.ts';
import type { EsSettings } from './resolve-settings.ts';

/** A client with the cluster it talks to; dropped and opened again after any failure. */
export interface EsSession {
  client: EsClient;
  cluster: ClusterInfo;
}

/** Reads the CA (again, so a fixed file is picked up), connects and learns the product and version. */
export async function openSession(
  settings: EsSettings,
  signal: AbortSignal,
): Promise<EsSession | { error: string }> {
  const ca = settings.caFile === undefined ? undefined : await readCa(settings.caFile);
  if (isObject(ca)) return ca;
  const client = createEsClient(settings, ca);
  const cluster = await detectCluster(client, signal);
  if ('error' in cluster) {
    client.close();
    return cluster;
  }
  return { client, cluster };
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
