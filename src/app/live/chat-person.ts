import type { Incident, SecurityEvent } from '../../core/index.ts';
import { ConflictError, NotFoundError } from '../../core/index.ts';

/** The incident actions a person takes from a chat: the same ones the API and dashboard call. */
export interface ChatIncidentActions {
  acknowledge(serial: number, by: string, at: number): Promise<Incident>;
  resolve(serial: number, by: string, at: number, resolution: string): Promise<Incident>;
}

/** Who may act from one chat channel, and where a refusal is told. */
export interface ChatPersonContext {
  channel: string;
  /** Chat account id (Telegram user id, Slack user id) → Klaxon user. */
  users: Readonly<Record<string, string>>;
  now: () => number;
  log: (line: string, level: 'info' | 'warn') => void;
  reportSecurityEvent?: (event: SecurityEvent) => void;
  /** Why the mapped Klaxon user may not act (unknown, disabled, a viewer); undefined when they may. */
  mayAct?: (user: string) => Promise<string | undefined>;
}

const PLATFORM_NAMES = { telegram: 'Telegram', slack: 'Slack' } as const;
export type ChatPlatform = keyof typeof PLATFORM_NAMES;

/**
 * The Klaxon user a chat account acts as. Anyone not mapped, or mapped to a user who may not act,
 * gets undefined: the refusal is logged and reported to the rules as `klaxon-<platform>`
 * `access_forbidden`, like a refused dashboard request.
 */
export async function admitChatPerson(
  platform: ChatPlatform,
  fromId: string,
  what: string,
  ctx: ChatPersonContext,
): Promise<string | undefined> {
  const user = Object.hasOwn(ctx.users, fromId) ? ctx.users[fromId] : undefined;
  const refused =
    user === undefined
      ? `who is not in ${platform}_users`
      : await ctx.mayAct?.(user).then((why) => why && `(${user}): ${why}`);
  if (user !== undefined && refused === undefined) return user;
  ctx.log(
    `${platform} ${ctx.channel}: refused ${what} from ${PLATFORM_NAMES[platform]} user ${fromId}, ${refused}`,
    'warn',
  );
  ctx.reportSecurityEvent?.(refusalEvent(platform, fromId, what, ctx.now()));
  return undefined;
}

/** Runs a person action; answers the refusal's message, or undefined when it went through. */
export async function attemptChatAction(run: () => Promise<Incident>): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (error instanceof ConflictError || error instanceof NotFoundError) return error.message;
    throw error;
  }
}

function refusalEvent(platform: ChatPlatform, fromId: string, what: string, at: number): SecurityEvent {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: {
      kind: 'event',
      category: ['web'],
      action: 'access_forbidden',
      outcome: 'failure',
      reason: `${platform} ${what} by an unmapped user`,
    },
    user: { id: fromId, name: `${platform}:${fromId}` },
    service: { name: `klaxon-${platform}` },
  };
}

/** A chat endpoint request refused before anything happened (wrong secret, bad signature). */
export function requestRefusalEvent(
  refusal: { service: ChatPlatform; channel: string; ip: string; reason: string },
  at: number,
): SecurityEvent {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: {
      kind: 'event',
      category: ['web'],
      action: 'access_forbidden',
      outcome: 'failure',
      reason: `${refusal.channel}: ${refusal.reason}`,
    },
    source: { ip: refusal.ip },
    service: { name: `klaxon-${refusal.service}` },
  };
}
