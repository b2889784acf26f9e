import { z } from 'zod';
import { parseChatAction, type ChatAction } from './incident-keyboard.ts';

/** What Klaxon does with one update from `getUpdates`; anything else is `ignored` (but still consumed). */
export type ChatUpdate =
  | {
      kind: 'button';
      updateId: number;
      callbackId: string;
      fromId: string;
      chatId?: number;
      action: ChatAction;
    }
  | { kind: 'reason'; updateId: number; fromId: string; chatId: number; serial: number; reason: string }
  | { kind: 'ignored'; updateId: number };

/** The prompt a Resolve press sends; a reply to it is the resolution. */
export function reasonPrompt(serial: number): string {
  return `Reply with the reason to resolve #${serial}`;
}

const PROMPT = /^Reply with the reason to resolve #([1-9]\d{0,14})$/;
const MAX_REASON = 2_000;

const user = z.object({ id: z.number().int().positive() });
const callbackQuery = z.object({
  id: z.string().min(1).max(200),
  from: user,
  data: z.string().max(64).optional(),
  message: z.object({ chat: z.object({ id: z.number().int() }) }).optional(),
});
const message = z.object({
  from: user.optional(),
  chat: z.object({ id: z.number().int() }),
  text: z.string().optional(),
  reply_to_message: z
    .object({ text: z.string().optional(), from: z.object({ is_bot: z.boolean() }).optional() })
    .optional(),
});
const update = z.object({
  update_id: z.number().int().nonnegative(),
  callback_query: callbackQuery.optional(),
  message: message.optional(),
});

/**
 * The updates of one `getUpdates` answer. They come from outside: an update that does not parse
 * is `ignored` when its id is readable (so the offset moves past it) and dropped otherwise.
 */
export function parseChatUpdates(result: unknown): ChatUpdate[] {
  if (!Array.isArray(result)) return [];
  const updates: ChatUpdate[] = [];
  for (const raw of result) {
    const parsed = update.safeParse(raw);
    if (parsed.success) {
      updates.push(toChatUpdate(parsed.data));
      continue;
    }
    const id = (raw as { update_id?: unknown } | null)?.update_id;
    if (Number.isSafeInteger(id) && (id as number) >= 0)
      updates.push({ kind: 'ignored', updateId: id as number });
  }
  return updates;
}

function toChatUpdate(data: z.infer<typeof update>): ChatUpdate {
  const updateId = data.update_id;
  const query = data.callback_query;
  if (query) {
    const action = parseChatAction(query.data);
    if (action === undefined) return { kind: 'ignored', updateId };
    return {
      kind: 'button',
      updateId,
      callbackId: query.id,
      fromId: String(query.from.id),
      ...(query.message && { chatId: query.message.chat.id }),
      action,
    };
  }
  const reply = data.message;
  // Only a reply to the bot's own prompt is a resolution.
  const prompted = reply?.reply_to_message?.from?.is_bot === true ? reply.reply_to_message.text : undefined;
  const prompt = PROMPT.exec(prompted ?? '');
  const reason = reply?.text?.trim();
  if (!reply?.from || prompt === null || !reason) return { kind: 'ignored', updateId };
  return {
    kind: 'reason',
    updateId,
    fromId: String(reply.from.id),
    chatId: reply.chat.id,
    serial: Number(prompt[1]),
    reason: reason.slice(0, MAX_REASON),
  };
}
