import { portOf, transportOfNumber } from '../firewall/index.ts';
import type { NetfilterPacket } from '../firewall/index.ts';
import { canonicalIp } from '../sshd/parse-address.ts';

/**
 * A Juniper SRX's `RT_FLOW_SESSION_DENY` (its syslog program `RT_FLOW`): `session denied
 * SRC/PORT->DST/PORT CONNECTION-TAG SERVICE PROTOCOL(ICMP-TYPE) POLICY FROM-ZONE TO-ZONE ...
 * INTERFACE ...`, after the message id in the plain form, alone in the structured one (RFC 5424,
 * the message id in its header).
 */
const SESSION_DENIED =
  /^(?:RT_FLOW_SESSION_DENY(?:_LS)?: )?session denied ([0-9A-Fa-f:.]{2,45})\/(\d{1,5})->([0-9A-Fa-f:.]{2,45})\/(\d{1,5}) (?:0x[0-9a-f]{1,16} )?\S{1,64} (\d{1,3})\(\d{1,3}\) (\S{1,64}) (\S{1,64}) (\S{1,64}) \S{1,64} \S{1,64} \S{1,128} (\S{1,64})/;

/** A session an SRX's policy denied, as a blocked packet (see SESSION_DENIED), or undefined. */
export function readSrxSessionDeny(message: string): NetfilterPacket | undefined {
  const found = SESSION_DENIED.exec(message);
  const source = canonicalIp(found?.[1] ?? '');
  const destination = canonicalIp(found?.[3] ?? '');
  if (found === null || source === undefined || destination === undefined) return undefined;
  return {
    module: 'juniper',
    prefix: found[6] as string,
    verdict: 'blocked',
    in: found[9],
    out: undefined,
    source,
    destination,
    transport: transportOfNumber(found[5]),
    sourcePort: portOf(found[2]),
    destinationPort: portOf(found[4]),
    flags: [],
  };
}
