import type { FastifyInstance } from 'fastify';
import { UnauthorizedError } from '../../core/index.ts';
import {
  parseSlackInteraction,
  slackInteractivityPath,
  verifySlackSignature,
  type SlackInteraction,
} from '../../channels/slack/index.ts';
import { CHAT_BODY_LIMIT, type ChatRefusal } from './chat-refusal.ts';

/** One Slack channel whose messages carry buttons. */
export interface SlackInteractivityEndpoint {
  channel: string;
  signingSecret: string;
  /** Carries out one press; a throw answers 500 (Slack shows the person an error). */
  handle(press: Extract<SlackInteraction, { kind: 'button' }>): Promise<void>;
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * `POST /slack/interactivity/<channel>`: the Request URL of the Slack app's Interactivity. The
 * raw body is kept to check Slack's signature (v0, five minutes by `now`); only then is the
 * `payload` read. Anything but a Klaxon button press is answered 200 and left alone.
 */
export function registerSlackInteractivity(
  app: FastifyInstance,
  endpoints: readonly SlackInteractivityEndpoint[],
  now: () => number,
  onRefused: (refusal: ChatRefusal) => void = () => {},
): void {
  if (endpoints.length === 0) return;
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      FORM,
      { parseAs: 'string', bodyLimit: CHAT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    for (const endpoint of endpoints) {
      scope.post(
        slackInteractivityPath(endpoint.channel),
        { bodyLimit: CHAT_BODY_LIMIT },
        async (request, reply) => {
          const body = typeof request.body === 'string' ? request.body : '';
          const check = verifySlackSignature(
            {
              body,
              timestamp: header(request.headers['x-slack-request-timestamp']),
              signature: header(request.headers['x-slack-signature']),
            },
            endpoint.signingSecret,
            now(),
          );
          if (!check.ok) {
            onRefused({ service: 'slack', channel: endpoint.channel, ip: request.ip, reason: check.reason });
            throw new UnauthorizedError(check.reason);
          }
          const press = parseSlackInteraction(body);
          if (press.kind === 'button') await endpoint.handle(press);
          return reply.status(200).send();
        },
      );
    }
  });
}

function header(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
