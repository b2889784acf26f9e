import { normalizeIp } from '../sshd/parse-address.ts';
import { programNamed } from '../syslog/index.ts';

/** macOS's Screen Sharing (VNC) server, as it names itself in syslog. */
const SCREEN_SHARING = 'screensharingd';

const AUTHENTICATION = 'Authentication: ';
const USER_NAME = ' :: User Name: ';
const VIEWER_ADDRESS = ' :: Viewer Address: ';
const SEPARATOR = ' :: ';
/** What screensharingd writes for the user of a VNC password login, which names none. */
const NO_USER = 'N/A';
/** Longer than any user name a Mac takes: a line over it is not screensharingd's. */
const MAX_USER = 256;

/** One login to Screen Sharing as screensharingd reports it. */
export interface ScreenSharingLogin {
  outcome: 'success' | 'failure';
  user: string | undefined;
  ip: string;
}

/** Whether `text` holds screensharingd's program name from `start` to `end` (no string is made). */
export const isScreenSharingAt = programNamed(SCREEN_SHARING);

/**
 * screensharingd's report of a login: `Authentication: FAILED :: User Name: U :: Viewer Address: A
 * :: Type: T` (`SUCCEEDED` on success; U is `N/A` for a VNC password, which names no user; T `DH`,
 * `VNC DES`...). The client writes U and may put ` :: Viewer Address: ` in it: the address is the
 * last one, which screensharingd writes after the user, and U runs up to it. Undefined for any
 * other message.
 */
export function matchScreenSharingLogin(message: string): ScreenSharingLogin | undefined {
  if (!message.startsWith(AUTHENTICATION)) return undefined;
  const result = AUTHENTICATION.length;
  let outcome: ScreenSharingLogin['outcome'];
  let userStart: number;
  if (message.startsWith(`FAILED${USER_NAME}`, result)) {
    outcome = 'failure';
    userStart = result + 'FAILED'.length + USER_NAME.length;
  } else if (message.startsWith(`SUCCEEDED${USER_NAME}`, result)) {
    outcome = 'success';
    userStart = result + 'SUCCEEDED'.length + USER_NAME.length;
  } else return undefined;
  const viewer = message.lastIndexOf(VIEWER_ADDRESS);
  if (viewer < userStart || viewer - userStart > MAX_USER) return undefined;
  const addressStart = viewer + VIEWER_ADDRESS.length;
  const addressEnd = message.indexOf(SEPARATOR, addressStart);
  const ip = normalizeIp(message.slice(addressStart, addressEnd < 0 ? message.length : addressEnd).trim());
  if (ip === undefined) return undefined;
  const user = message.slice(userStart, viewer);
  return { outcome, user: user === '' || user === NO_USER ? undefined : user, ip };
}
