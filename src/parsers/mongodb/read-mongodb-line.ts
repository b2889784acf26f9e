import { isObject, readBoundedJson } from '../../core/index.ts';
import { normalizeIp } from '../sshd/parse-address.ts';

/** A login to MongoDB as its log reports it. */
export interface MongodbLogin {
  outcome: 'failure' | 'success';
  user: string | undefined;
  /** The client's address; undefined when the line names none (2.x's, until its connection ends). */
  ip: string | undefined;
  reason: string;
  /** The connection (`conn42`), for 2.x's lines that name no address. */
  connection: string;
}

/** A line's time and what it says: a login, a connection's address, or nothing of interest. */
export type MongodbLine =
  | { kind: 'login'; time: number; login: MongodbLogin }
  | { kind: 'address'; time: number; connection: string; ip: string; ended: boolean }
  | { kind: 'forged'; time: number; forged: string[] }
  | { kind: 'other' };

/** Not a line of MongoDB's log. */
export const NOT_MONGODB = 'not-mongodb-log';
const FROM_CLIENT = ' from client ';

/** The JSON log's (4.4 on) messages: 20249 a failed login, 20250 and 5286306 a successful one. */
const FAILED_ID = 20249;
const SUCCEEDED_IDS = new Set([20250, 5286306]);
/** The text log's head (2.x to 4.2): `2016-11-20T00:04:00.110+0100 [conn1] ` (3.x on: `I ACCESS  [conn1] `). */
const TEXT_HEAD =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})) (?:[FEWID]\d? [A-Z_-]{1,16} +)?\[([A-Za-z0-9_-]{1,64})\] /;
/**
 * 3.x to 4.2: `SASL SCRAM-SHA-1 authentication failed for U on DB from client ADDR:PORT ; REASON`.
 * The client names U, and REASON may repeat it (`Could not find user "U"`): a line with a second
 * ` from client ` is a forged line (see ../forged-address-event.ts), no login. 2.x:
 * `Failed to authenticate U@DB with mechanism M: REASON`, without the address, which the
 * connection's `connection accepted from` or `end connection` line gives.
 */
const FAILED_FROM_CLIENT =
  /^(?:SASL )?(\S{1,64}) authentication failed for (.{0,512}) on (\S{1,128}) from client (\S{2,64}) ; (.{0,2048})$/;
const FAILED_2X = /^Failed to authenticate (.{0,512}) with mechanism (\S{1,64}): (.{0,2048})$/;
const SUCCEEDED_TEXT =
  /^Successfully authenticated as principal (.{0,512}) on (\S{1,128})(?: from client (\S{2,64}))?$/;
const ACCEPTED = /^connection accepted from (\S{2,64}) #(\d{1,12})/;
const ENDED = /^end connection (\S{2,64}) /;

/** A line of MongoDB's log, JSON (4.4 on) or text (2.x to 4.2). */
export function readMongodbLine(line: string): MongodbLine | string {
  return line.charCodeAt(0) === 123 /* { */ ? readJsonLine(line) : readTextLine(line);
}

function readJsonLine(line: string): MongodbLine | string {
  const parsed = readBoundedJson(line);
  if (!parsed.ok || !isObject(parsed.value)) return NOT_MONGODB;
  const doc = parsed.value;
  const date = isObject(doc.t) ? doc.t.$date : undefined;
  if (typeof date !== 'string' || typeof doc.id !== 'number' || typeof doc.msg !== 'string')
    return NOT_MONGODB;
  const time = Date.parse(date);
  if (Number.isNaN(time)) return NOT_MONGODB;
  const failed = doc.id === FAILED_ID;
  if (!failed && !SUCCEEDED_IDS.has(doc.id)) return { kind: 'other' };
  const attr = isObject(doc.attr) ? doc.attr : {};
  const principal = attr.principalName ?? attr.user;
  const error = typeof attr.error === 'string' ? attr.error : undefined;
  return {
    kind: 'login',
    time,
    login: {
      outcome: failed ? 'failure' : 'success',
      user: typeof principal === 'string' && principal !== '' ? principal : undefined,
      ip: remoteOf(attr.remote ?? attr.client),
      reason: failed ? (error?.split(':')[0] ?? doc.msg) : doc.msg,
      connection: typeof doc.ctx === 'string' ? doc.ctx : '',
    },
  };
}

function readTextLine(line: string): MongodbLine | string {
  const head = TEXT_HEAD.exec(line);
  if (head === null) return NOT_MONGODB;
  const time = Date.parse(head[1] as string);
  if (Number.isNaN(time)) return NOT_MONGODB;
  const connection = head[2] as string;
  const message = line.slice(head[0].length);
  const failed = FAILED_FROM_CLIENT.exec(message);
  if (failed !== null && message.indexOf(FROM_CLIENT) !== message.lastIndexOf(FROM_CLIENT))
    return { kind: 'forged', time, forged: clientsIn(message) };
  if (failed !== null)
    return login(
      time,
      connection,
      'failure',
      failed[2],
      failed[4],
      (failed[5] as string).split(':')[0] as string,
    );
  const failed2x = FAILED_2X.exec(message);
  if (failed2x !== null)
    return login(
      time,
      connection,
      'failure',
      failed2x[1],
      undefined,
      (failed2x[3] as string).split(' ')[0] as string,
    );
  const succeeded = SUCCEEDED_TEXT.exec(message);
  if (succeeded !== null)
    return login(time, connection, 'success', succeeded[1], succeeded[3], 'Successfully authenticated');
  const accepted = ACCEPTED.exec(message);
  const ip = accepted !== null ? addressOf(accepted[1] as string) : undefined;
  if (accepted !== null && ip !== undefined)
    return { kind: 'address', time, connection: `conn${accepted[2] as string}`, ip, ended: false };
  const ended = ENDED.exec(message);
  const endedIp = ended === null ? undefined : addressOf(ended[1] as string);
  if (endedIp !== undefined) return { kind: 'address', time, connection, ip: endedIp, ended: true };
  return { kind: 'other' };
}

function login(
  time: number,
  connection: string,
  outcome: 'failure' | 'success',
  user: string | undefined,
  client: string | undefined,
  reason: string,
): MongodbLine {
  const ip = client === undefined ? undefined : addressOf(client);
  return {
    kind: 'login',
    time,
    login: { outcome, user: user === '' ? undefined : user, ip, reason, connection },
  };
}

function remoteOf(value: unknown): string | undefined {
  return typeof value === 'string' ? addressOf(value) : undefined;
}

/** `ADDR:PORT` (IPv6 as `[ADDR]:PORT` or bare, the port after the last colon). */
function addressOf(remote: string): string | undefined {
  const text = remote.startsWith('[')
    ? remote.slice(1).replace(/\]:\d{1,5}$/, '')
    : remote.replace(/:\d{1,5}$/, '');
  return normalizeIp(text);
}

/** Every address a message names after ` from client ` (`ADDR:PORT`, up to a space). */
function clientsIn(message: string): string[] {
  const found: string[] = [];
  for (let at = message.indexOf(FROM_CLIENT); at >= 0; at = message.indexOf(FROM_CLIENT, at + 1)) {
    const start = at + FROM_CLIENT.length;
    const end = message.indexOf(' ', start);
    const ip = addressOf(message.slice(start, end < 0 ? undefined : Math.min(end, start + 64)));
    if (ip !== undefined) found.push(ip);
  }
  return found;
}
