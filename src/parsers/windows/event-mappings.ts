import type { SecurityEvent } from '../../core/index.ts';
import { mapKerberosFailure, mapLogonFailure, outcomeFromStatus } from './map-failure.ts';
import { mapLogonId, mapLogonProcess, mapLogonType } from './map-logon.ts';
import { mapClientAddress, mapSource } from './map-source.ts';
import { mapAccountUser, mapGroupMember, mapSubjectUser, mapTargetUser } from './map-user.ts';

type Outcome = 'success' | 'failure';
type EventData = Record<string, unknown>;

/**
 * How one Security event code becomes ECS. category/type/action are those of Winlogbeat's
 * security module (x-pack/winlogbeat/module/security, ingest/security.yml), and so are the
 * user fields: the account logging on is `user` for 4624/4625/4768/4769/4771/4776; for 4648,
 * 4740, 4720 (an account created), 4728/4732/4756 (a member added to a group) and 4662 (an operation
 * on a directory object) `user` is the subject who acted and the account acted on is `user.effective` / `user.target`, the group `group`. Winlogbeat does not map 4825 (Remote Desktop denied to an account whose password
 * was right) nor 6273 (Network Policy Server denied access): they are mapped here as failed
 * authentications of their account from their client's address.
 */
export interface EventMapping {
  category: readonly string[];
  type: readonly string[];
  action: string;
  /** Fixed, or read from the event's Status. */
  outcome: Outcome | ((data: EventData) => Outcome | undefined);
  map(event: SecurityEvent, data: EventData): void;
}

const AUTHENTICATION = ['authentication'] as const;
const START = ['start'] as const;

function mapKerberos(event: SecurityEvent, data: EventData): void {
  mapTargetUser(event, data, 'user');
  mapSource(event, data);
  mapKerberosFailure(event, data);
}

const MEMBER_ADDED: EventMapping = {
  category: ['iam'],
  type: ['group', 'change'],
  action: 'added-member-to-group',
  outcome: 'success',
  map(event, data) {
    mapSubjectUser(event, data);
    mapGroupMember(event, data);
    mapLogonId(event, data, 'SubjectLogonId');
  },
};

export const EVENT_MAPPINGS: ReadonlyMap<string, EventMapping> = new Map<string, EventMapping>([
  [
    '4624',
    {
      category: AUTHENTICATION,
      type: START,
      action: 'logged-in',
      outcome: 'success',
      map(event, data) {
        mapTargetUser(event, data, 'user');
        mapLogonType(event, data);
        mapSource(event, data, 'WorkstationName');
        mapLogonProcess(event, data);
        mapLogonId(event, data, 'TargetLogonId');
      },
    },
  ],
  [
    '4625',
    {
      category: AUTHENTICATION,
      type: START,
      action: 'logon-failed',
      outcome: 'failure',
      map(event, data) {
        mapTargetUser(event, data, 'user');
        mapLogonType(event, data);
        mapSource(event, data, 'WorkstationName');
        mapLogonProcess(event, data);
        mapLogonId(event, data, 'SubjectLogonId');
        mapLogonFailure(event, data);
      },
    },
  ],
  [
    '4648',
    {
      category: AUTHENTICATION,
      type: START,
      action: 'logged-in-explicit',
      outcome: 'success',
      map(event, data) {
        mapSubjectUser(event, data);
        mapTargetUser(event, data, 'user.effective');
        mapSource(event, data);
        mapLogonProcess(event, data);
        mapLogonId(event, data, 'SubjectLogonId');
      },
    },
  ],
  [
    '4740',
    {
      category: ['iam'],
      type: ['user', 'change'],
      action: 'locked-out-user-account',
      outcome: 'success', // the lockout itself succeeded (Audit Success)
      map(event, data) {
        mapSubjectUser(event, data);
        mapTargetUser(event, data, 'user.target');
        mapLogonId(event, data, 'SubjectLogonId');
      },
    },
  ],
  [
    '4720',
    {
      category: ['iam'],
      type: ['user', 'creation'],
      action: 'added-user-account',
      outcome: 'success',
      map(event, data) {
        mapSubjectUser(event, data);
        mapTargetUser(event, data, 'user.target');
        mapLogonId(event, data, 'SubjectLogonId');
      },
    },
  ],
  // A member added to a security-enabled global, local or universal group.
  ['4728', MEMBER_ADDED],
  ['4732', MEMBER_ADDED],
  ['4756', MEMBER_ADDED],
  [
    // An operation on a directory object: the subject is the account that performed it (DCSync's).
    '4662',
    {
      category: ['iam'],
      type: ['info'],
      action: 'object-operation-performed',
      outcome: 'success',
      map(event, data) {
        mapSubjectUser(event, data);
        mapLogonId(event, data, 'SubjectLogonId');
      },
    },
  ],
  [
    '4825',
    {
      category: AUTHENTICATION,
      type: START,
      action: 'rdp-access-denied',
      outcome: 'failure',
      map(event, data) {
        mapAccountUser(event, data);
        mapClientAddress(event, data);
        mapLogonId(event, data, 'LogonID');
      },
    },
  ],
  [
    // Network Policy Server denied a user access (a RADIUS client asked: a VPN server, an RD Gateway,
    // a Wi-Fi controller). Winlogbeat does not map it: the user is its subject, the client's address
    // its CallingStationID where that is an address (a Wi-Fi client's is a MAC).
    '6273',
    {
      category: AUTHENTICATION,
      type: START,
      action: 'nps-access-denied',
      outcome: 'failure',
      map(event, data) {
        mapSubjectUser(event, data);
        mapClientAddress(event, data, 'CallingStationID');
      },
    },
  ],
  [
    '4768',
    {
      category: AUTHENTICATION,
      type: START,
      action: 'kerberos-authentication-ticket-requested',
      outcome: outcomeFromStatus,
      map: mapKerberos,
    },
  ],
  [
    '4769',
    {
      category: AUTHENTICATION,
      type: START,
      action: 'kerberos-service-ticket-requested',
      outcome: outcomeFromStatus,
      map: mapKerberos,
    },
  ],
  [
    '4771',
    {
      category: AUTHENTICATION,
      type: START,
      action: 'kerberos-preauth-failed',
      outcome: 'failure',
      map: mapKerberos,
    },
  ],
  [
    '4776',
    {
      category: AUTHENTICATION,
      type: START,
      action: 'credential-validated',
      outcome: outcomeFromStatus,
      map(event, data) {
        mapTargetUser(event, data, 'user');
        mapSource(event, data, 'Workstation');
        mapLogonFailure(event, data);
      },
    },
  ],
]);
