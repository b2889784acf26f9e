// macOS's Screen Sharing server (screensharingd): its logins, in the syslog the sshd parser reads.
export { buildScreenSharingEvent } from './build-screen-sharing-event.ts';
export {
  isScreenSharingAt,
  matchScreenSharingLogin,
  type ScreenSharingLogin,
} from './match-screen-sharing.ts';
