import { zonelessTimeIn } from '../../core/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { buildAppLoginEvent } from '../login-failure-event.ts';
import { buildForgedAddressEvent, isForged, type ForgedAddresses } from '../forged-address-event.ts';
import { createRecordParser } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { programNamed } from '../syslog/index.ts';
import { createRoundcubeReader, type RoundcubeLogin } from './match-roundcube-login.ts';
import { NOT_ROUNDCUBE, readRoundcubeLine } from './read-roundcube-line.ts';

export { createRoundcubeReader, ROUNDCUBE_LOGIN_REPEATED } from './match-roundcube-login.ts';
export { NOT_ROUNDCUBE, readRoundcubeMessage, ROUNDCUBE_LINE_UNUSED } from './read-roundcube-line.ts';

const ROUNDCUBE = 'roundcube';

/** Whether `text` holds Roundcube's syslog name (its default `syslog_id`) from `start` to `end`. */
export const isRoundcubeAt = programNamed(ROUNDCUBE);

export const roundcubeParser: ParserDefinition = {
  format: 'roundcube',
  description: "Roundcube webmail's errors and userlogins logs: refused and accepted logins",
  sniff: (sample) => {
    const reader = createRoundcubeReader();
    return shareOfLines(sample, (line) => readRoundcubeLine(line, reader) !== NOT_ROUNDCUBE);
  },
  create: (options) => {
    const reader = createRoundcubeReader();
    const zoneless = zonelessTimeIn(options.timeZone);
    return createRecordParser(
      (line) => readRoundcubeLine(line, reader, zoneless),
      (line, found) => mapRoundcubeLogin(line, found, found.time),
    );
  },
};

/**
 * A Roundcube login as an application's login event (see buildAppLoginEvent), `service.name:
 * roundcube`; a forged errors line as what it is (see buildForgedAddressEvent).
 */
export function mapRoundcubeLogin(
  line: string,
  found: RoundcubeLogin | ForgedAddresses,
  time: number,
  host?: string,
): SecurityEvent {
  if (isForged(found)) {
    const dataset = 'roundcube.errors';
    return buildForgedAddressEvent({
      original: line,
      time,
      forged: found.forged,
      host,
      module: ROUNDCUBE,
      dataset,
      service: ROUNDCUBE,
    });
  }
  const dataset = found.outcome === 'failure' ? 'roundcube.errors' : 'roundcube.userlogins';
  return buildAppLoginEvent(line, { ...found, app: ROUNDCUBE, dataset }, time, host);
}
