/** Who may do what on the dashboard, from least to most. */
export const USER_ROLES = ['viewer', 'responder', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A person who logs in to the dashboard. The password hash never leaves the store but for `findCredentials`. */
export interface User {
  name: string;
  role: UserRole;
  createdAt: number;
  disabledAt?: number;
}

export interface NewUser {
  name: string;
  /** argon2id, PHC string format. */
  passwordHash: string;
  role: UserRole;
}

export interface UserRepository {
  /** ConflictError when the name is taken (also by a disabled user), InputError for an unknown role. */
  add(user: NewUser, at: number): Promise<User>;
  get(name: string): Promise<User | undefined>;
  /** The user and password hash, for checking a login; undefined for unknown and disabled users. */
  findCredentials(name: string): Promise<{ user: User; passwordHash: string } | undefined>;
  /** By name. */
  list(): Promise<User[]>;
  /** Disables the user and ends their sessions. NotFoundError / ConflictError when disabled already. */
  disable(name: string, at: number): Promise<User>;
}

/** A dashboard session; `id` is the SHA-256 of the cookie value, never the value itself. */
export interface Session {
  id: string;
  userName: string;
  csrfToken: string;
  createdAt: number;
  /** Absolute end. */
  expiresAt: number;
  lastSeenAt: number;
}

export interface SessionRepository {
  add(session: Session): Promise<void>;
  get(id: string): Promise<Session | undefined>;
  /** Records activity (for the idle timeout). */
  touch(id: string, at: number): Promise<void>;
  remove(id: string): Promise<void>;
  /** Removes sessions past their absolute end at `now` or idle since before `idleSince`; returns how many. */
  removeExpired(now: number, idleSince: number): Promise<number>;
}

/** A person's choice to switch a rule on or off; it outlives restarts and rule file edits. */
export interface RuleState {
  ruleId: string;
  enabled: boolean;
  changedBy: string;
  changedAt: number;
  /** Why the person switched it (required from the dashboard and the API). */
  reason?: string;
}

export interface RuleStateRepository {
  /** Creates or replaces the rule's state. */
  set(state: RuleState): Promise<RuleState>;
  get(ruleId: string): Promise<RuleState | undefined>;
  /** By rule id. */
  list(): Promise<RuleState[]>;
  /** Every switch of the rule, oldest first: who, when, on or off, why. */
  history(ruleId: string): Promise<RuleState[]>;
}
