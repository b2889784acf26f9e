import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../../core/index.ts';
import { parseChatUpdates, telegramWebhookPath, type ChatUpdate } from '../../channels/telegram/index.ts';
import { sameSecret } from '../auth/secret-token.ts';
import { CHAT_BODY_LIMIT, type ChatRefusal } from './chat-refusal.ts';

export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** One Telegram channel in webhook mode. */
export interface TelegramWebhookEndpoint {
  channel: string;
  /** The `secret_token` given to `setWebhook`; Telegram sends it back in a header. */
  secretToken: string;
  /** Carries out one update, as the poller does; a throw answers 500, so Telegram sends it again. */
  handle(update: ChatUpdate): Promise<void>;
}

/**
 * `POST /telegram/webhook/<channel>`: updates Telegram pushes after `setWebhook`. The secret
 * header is checked in constant time before the body is read (401 missing, 403 wrong); the body
 * is bounded; an update Klaxon does not act on is answered 200, so Telegram does not resend it.
 */
export function registerTelegramWebhooks(
  app: FastifyInstance,
  endpoints: readonly TelegramWebhookEndpoint[],
  onRefused: (refusal: ChatRefusal) => void = () => {},
): void {
  for (const endpoint of endpoints) {
    const path = telegramWebhookPath(endpoint.channel);
    app.post(
      path,
      {
        bodyLimit: CHAT_BODY_LIMIT,
        onRequest: async (request) => checkSecret(request, endpoint, onRefused),
      },
      async (request, reply) => {
        for (const update of parseChatUpdates([request.body])) await endpoint.handle(update);
        return reply.status(200).send();
      },
    );
  }
}

function checkSecret(
  request: FastifyRequest,
  endpoint: TelegramWebhookEndpoint,
  onRefused: (refusal: ChatRefusal) => void,
): void {
  const given = request.headers[TELEGRAM_SECRET_HEADER];
  const refuse = (reason: string) =>
    onRefused({ service: 'telegram', channel: endpoint.channel, ip: request.ip, reason });
  if (typeof given !== 'string' || given === '') {
    const reason = 'missing X-Telegram-Bot-Api-Secret-Token header';
    refuse(reason);
    throw new UnauthorizedError(reason);
  }
  if (!sameSecret(given, endpoint.secretToken)) {
    const reason = 'X-Telegram-Bot-Api-Secret-Token does not match the secret_token Klaxon gave setWebhook';
    refuse(reason);
    throw new ForbiddenError(reason);
  }
}
