import { isObject } from '../../core/index.ts';
import { describeHttpFailure, describeNetworkError } from './describe-failure.ts';
import { createEsAgent, sendEsRequest } from './es-http.ts';
import type { EsHttpRequest, EsHttpTarget } from './es-http.ts';
import type { EsSettings } from './resolve-settings.ts';

/** A JSON answer, or what went wrong in words fit for a status message (no secrets). */
export type EsResult = { ok: true; body: Record<string, unknown> } | { ok: false; message: string };

export interface EsClient {
  /** `action` names the step in messages (`search`, `opening a point in time`). Never throws. */
  call(action: string, request: EsHttpRequest, signal: AbortSignal): Promise<EsResult>;
  /** Drops the kept-alive connections. */
  close(): void;
}

export function createEsClient(settings: EsSettings, ca: string | undefined): EsClient {
  const target: EsHttpTarget = {
    url: settings.url,
    headers: settings.authorization === undefined ? {} : { authorization: settings.authorization },
    timeoutMs: settings.timeoutMs,
    agent: createEsAgent(settings.url, ca),
  };
  return {
    async call(action, request, signal) {
      let reply;
      try {
        reply = await sendEsRequest(target, request, signal);
      } catch (error) {
        return { ok: false, message: describeNetworkError(error, settings.url) };
      }
      if (reply.status < 200 || reply.status >= 300) {
        const message = describeHttpFailure(reply.status, reply.body, {
          action,
          index: settings.index,
          authDescription: settings.authDescription,
          secretTexts: settings.secretTexts,
        });
        return { ok: false, message };
      }
      const body = parseObject(reply.body);
      if (body === undefined) {
        return {
          ok: false,
          message: `${action} failed: the answer of ${settings.url.host} is not a JSON object`,
        };
      }
      return { ok: true, body };
    },
    close() {
      target.agent.destroy();
    },
  };
}

// JSON.parse builds any depth without recursing; what walks a hit checks it against JSON_LIMITS
// first (readEcsObject: a hit over them is a counted `too-deep`/`too-long` skip, not a crash).
function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
