import { isObject } from '../../core/index.ts';
import { describeClientError } from './describe-client-error.ts';
import type { EsHttpRequest } from './es-request.ts';
import { createOfficialTransport } from './official-client.ts';
import type { EsProduct } from './official-client.ts';
import type { EsSettings } from './resolve-settings.ts';

/** A JSON answer, or what went wrong in words fit for a status message (no secrets). */
export type EsResult = { ok: true; body: Record<string, unknown> } | { ok: false; message: string };

export interface EsClient {
  /** The official client in use. */
  product: EsProduct;
  /** `action` names the step in messages (`search`, `opening a point in time`). Never throws. */
  call(action: string, request: EsHttpRequest, signal: AbortSignal): Promise<EsResult>;
  /** Drops the kept-alive connections. */
  close(): void;
}

/** The official client of `product` (see official-client.ts), its failures put in plain words. */
export function createEsClient(settings: EsSettings, ca: string | undefined, product: EsProduct): EsClient {
  const transport = createOfficialTransport(product, settings, ca);
  return {
    product,
    async call(action, request, signal) {
      let reply;
      try {
        reply = await transport.send(request, signal);
      } catch (error) {
        return { ok: false, message: describeClientError(error, action, settings) };
      }
      if (!isObject(reply.body)) {
        return {
          ok: false,
          message: `${action} failed: the answer of ${settings.url.host} is not a JSON object`,
        };
      }
      return { ok: true, body: reply.body };
    },
    close() {
      transport.close();
    },
  };
}
