import type { SecurityEvent } from '../../core/index.ts';
import type { EmitEvent, LineParser, ParserDefinition } from '../parser.ts';
import { buildLoginFailureEvent } from '../login-failure-event.ts';
import { buildForgedAddressEvent } from '../forged-address-event.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { type MongodbLogin, NOT_MONGODB, readMongodbLine } from './read-mongodb-line.ts';

export { NOT_MONGODB } from './read-mongodb-line.ts';

/** A line of the log that reports no login. */
export const MONGODB_LINE_UNUSED = 'mongodb-line-unused';
/** 2.x's failed login, held until its connection's address is logged. */
export const MONGODB_ADDRESS_PENDING = 'mongodb-address-pending';
/** Connections remembered at most (their address, or failures waiting for it): the oldest go first. */
const MOST_CONNECTIONS = 4096;
/** Failures held per connection at most (MongoDB closes a connection after a few). */
const MOST_PENDING = 100;

export const mongodbParser: ParserDefinition = {
  format: 'mongodb',
  description: "MongoDB's log (JSON from 4.4, text before): refused and accepted logins",
  sniff: (sample) => shareOfLines(sample, (line) => readMongodbLine(line) !== NOT_MONGODB),
  create: createMongodbParser,
};

/**
 * Each login as `mongodb_login` (see mapMongodbLogin). 2.x names no address in its failure lines:
 * they are held per connection (`mongodb-address-pending`) and given the address of its
 * `connection accepted from` line, or emitted when its `end connection ADDR` line comes.
 */
function createMongodbParser(): LineParser {
  const addresses = new Map<string, string>();
  const pending = new Map<string, { line: string; time: number; login: MongodbLogin }[]>();
  let unresolved = 0;

  /** Sets `key` as the newest entry; past MOST_CONNECTIONS the oldest goes, and what it held. */
  const remember = <T>(map: Map<string, T>, key: string, value: T, forgotten?: (value: T) => void) => {
    map.delete(key);
    map.set(key, value);
    if (map.size <= MOST_CONNECTIONS) return;
    const oldest = map.keys().next().value as string;
    forgotten?.(map.get(oldest) as T);
    map.delete(oldest);
  };

  return {
    parseLine(line: string, emit: EmitEvent) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      const found = readMongodbLine(text);
      if (typeof found === 'string') return found;
      if (found.kind === 'other') return MONGODB_LINE_UNUSED;
      if (found.kind === 'forged') {
        const { time, forged } = found;
        const [module, dataset, service] = ['mongodb', 'mongodb.log', 'mongodb'];
        emit(buildForgedAddressEvent({ original: text, time, forged, module, dataset, service }), time);
        return null;
      }
      if (found.kind === 'address') {
        const held = pending.get(found.connection);
        pending.delete(found.connection);
        if (found.ended) addresses.delete(found.connection);
        else remember(addresses, found.connection, found.ip);
        if (held === undefined) return MONGODB_LINE_UNUSED;
        for (const one of held)
          emit(mapMongodbLogin(one.line, { ...one.login, ip: found.ip }, one.time), one.time);
        return null;
      }
      const { login, time } = found;
      const ip = login.ip ?? addresses.get(login.connection);
      if (ip !== undefined || login.outcome === 'success') {
        emit(mapMongodbLogin(text, { ...login, ip }, time), time);
        return null;
      }
      const held = pending.get(login.connection) ?? [];
      if (held.length < MOST_PENDING) held.push({ line: text, time, login });
      remember(pending, login.connection, held, (lost) => (unresolved += lost.length));
      return MONGODB_ADDRESS_PENDING;
    },
    notes() {
      let waiting = unresolved;
      for (const held of pending.values()) waiting += held.length;
      if (waiting === 0) return [];
      const logins = waiting === 1 ? '1 failed login' : `${waiting} failed logins`;
      return [`${logins} skipped: their connection's address was never logged`];
    },
  };
}

/**
 * A MongoDB login as ECS: `mongodb_login` (`event.category: [authentication, database]`, its
 * outcome), `user.name` the principal, `source.ip`, `service.name: mongodb`, the server's reason.
 */
export function mapMongodbLogin(line: string, login: MongodbLogin, time: number): SecurityEvent {
  return buildLoginFailureEvent({
    original: line,
    time,
    outcome: login.outcome,
    module: 'mongodb',
    dataset: 'mongodb.log',
    category: ['authentication', 'database'],
    action: 'mongodb_login',
    reason: login.reason,
    ip: login.ip,
    user: login.user,
    service: 'mongodb',
  });
}
