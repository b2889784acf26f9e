import type { Random } from './prng.ts';
import type { WindowsAuthEvent } from './windows-event.ts';
import { DOMAIN, EMPLOYEES, SERVICE_ACCOUNTS, WINDOWS_HOSTS } from './people.ts';
import type { Employee } from './people.ts';
import { HOUR, MINUTE, isNearAttack } from './schedule.ts';
import { pickDayOffsets } from './day-times.ts';

type Draft = Omit<WindowsAuthEvent, 'recordId' | 'domain' | 'domainNetbios' | 'domainDns'> & {
  domain?: string;
};

/** Fills the domain fields every event of the demo domain carries; record ids are set after sorting. */
export function toDomainEvent(draft: Draft): WindowsAuthEvent {
  return {
    ...draft,
    recordId: 0,
    domain: draft.domain ?? DOMAIN.netbios,
    domainNetbios: DOMAIN.netbios,
    domainDns: DOMAIN.dns,
  };
}

/** A normal office day: workstation logons (the odd mistyped password), file share and mail access, NTLM, RDP. */
export function generateBenignWindows(start: number, random: Random): WindowsAuthEvent[] {
  const drafts: Draft[] = [];
  for (const employee of EMPLOYEES) {
    const own = random.fork(employee.user);
    const morning = 7.5 * HOUR + own.int(0, 2 * HOUR);
    drafts.push(...generateMorningLogon(start + morning, employee, isNearAttack(morning), own));
    drafts.push(...generateDaytimeAccess(start, morning, employee, own));
  }
  for (const account of SERVICE_ACCOUNTS) {
    for (let hour = 0; hour < 5; hour++) {
      const at = start + hour * HOUR + random.int(0, 59_000);
      const { user, ip, workstation } = account;
      drafts.push({ code: '4776', at, computer: WINDOWS_HOSTS.dc, user, workstation });
      drafts.push({
        ...networkLogon(at + 12, WINDOWS_HOSTS.fileServer, user, ip, 'NTLM', random),
        workstation,
      });
    }
  }
  return drafts.map(toDomainEvent);
}

/** Windows asks the DC for a Kerberos ticket first, so a mistyped password shows there as 4771. */
function generateMorningLogon(at: number, employee: Employee, quiet: boolean, random: Random): Draft[] {
  const { user, ip, workstation } = employee;
  const drafts: Draft[] = [];
  let when = at;
  for (let i = quiet ? 0 : pickTypos(random); i > 0; i--) {
    drafts.push({
      code: '4771',
      at: when,
      computer: WINDOWS_HOSTS.dc,
      user,
      ip,
      port: random.int(49_152, 65_535),
    });
    when += random.int(4_000, 15_000);
  }
  const computer = `${workstation}.${DOMAIN.dns}`;
  drafts.push({
    code: '4624',
    at: when,
    computer,
    user,
    ip: '127.0.0.1',
    port: 0,
    workstation,
    logonType: 2,
  });
  drafts.push(
    networkLogon(when + random.int(60_000, 180_000), WINDOWS_HOSTS.mail, user, ip, 'Kerberos', random),
  );
  return drafts;
}

/** A successful network logon (type 3) to a server, e.g. opening a file share. */
function networkLogon(
  at: number,
  computer: string,
  user: string,
  ip: string,
  authPackage: 'NTLM' | 'Kerberos',
  random: Random,
): Draft {
  return {
    code: '4624',
    at,
    computer,
    user,
    ip,
    port: random.int(49_152, 65_535),
    logonType: 3,
    authPackage,
  };
}

type Activity = (at: number, employee: Employee, quiet: boolean, random: Random) => Draft[];

const ACTIVITIES: Record<'file' | 'ntlm' | 'rdp', Activity> = {
  file: (at, { user, ip }, _quiet, random) => [
    networkLogon(at, WINDOWS_HOSTS.fileServer, user, ip, 'Kerberos', random),
  ],
  // An old application validating the password over NTLM; now and then with a stale one first.
  ntlm: (at, { user, workstation }, quiet, random) => [
    ...(!quiet && random.chance(0.05)
      ? [{ code: '4776' as const, at, computer: WINDOWS_HOSTS.dc, user, workstation, status: '0xc000006a' }]
      : []),
    { code: '4776', at: at + random.int(5_000, 20_000), computer: WINDOWS_HOSTS.dc, user, workstation },
  ],
  rdp: (at, { user, ip }, quiet, random) => {
    const typo = !quiet && random.chance(0.15);
    const base = { computer: WINDOWS_HOSTS.rds, user, ip, port: 0, workstation: 'RDS01', logonType: 10 };
    const success: Draft = { ...base, code: '4624', at: typo ? at + random.int(5_000, 20_000) : at };
    return typo ? [{ ...base, code: '4625', at }, success] : [success];
  },
};

/** File share, NTLM and RDP access spread over the working day, at least three minutes apart. */
function generateDaytimeAccess(start: number, morning: number, employee: Employee, random: Random): Draft[] {
  const kinds = random.shuffle([
    ...Array<keyof typeof ACTIVITIES>(random.int(3, 8)).fill('file'),
    ...Array<keyof typeof ACTIVITIES>(random.int(1, 2)).fill('ntlm'),
    ...(employee.rdpUser ? Array<keyof typeof ACTIVITIES>(random.int(1, 2)).fill('rdp') : []),
  ]);
  const offsets = pickDayOffsets(random, kinds.length, morning + 5 * MINUTE, 18.5 * HOUR, 3 * MINUTE);
  return offsets.flatMap((offset, i) =>
    ACTIVITIES[kinds[i] as keyof typeof ACTIVITIES](start + offset, employee, isNearAttack(offset), random),
  );
}

function pickTypos(random: Random): number {
  const roll = random.next();
  return roll < 0.03 ? 2 : roll < 0.12 ? 1 : 0;
}
