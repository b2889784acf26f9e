import type { Role, User } from './api-types.ts';

const RANK: Record<Role, number> = { viewer: 0, responder: 1, admin: 2 };

/** Acknowledge, assign, note, resolve, silence, retry channels. */
export const canRespond = (user: User): boolean => (RANK[user.role] ?? 0) >= RANK.responder;

/** Enable and disable rules, manage tokens and users. */
export const canAdminister = (user: User): boolean => (RANK[user.role] ?? 0) >= RANK.admin;
