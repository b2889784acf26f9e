/** The simulated company: Example Corp, about thirty staff, a bastion host, a small Windows domain and a web shop. */

export const DOMAIN = { netbios: 'CORP', dns: 'corp.example.com' } as const;

export const SSHD_HOST = 'bastion-01';

export const WINDOWS_HOSTS = {
  dc: 'DC01.corp.example.com',
  fileServer: 'FS01.corp.example.com',
  /** Remote Desktop host published to the internet: the RDP brute force hits it. */
  rds: 'RDS01.corp.example.com',
  /** Exchange with NTLM over the internet: the password spray hits it. */
  mail: 'EXCH01.corp.example.com',
} as const;

export interface Employee {
  user: string;
  /** Office workstation and its address. */
  workstation: string;
  ip: string;
  /** Logs in to the Linux bastion over SSH. */
  sshAdmin: boolean;
  /** Uses Remote Desktop to RDS01. */
  rdpUser: boolean;
}

const STAFF = [
  'alice', 'bruno', 'carla', 'david', 'emma', 'farid', 'giulia', 'hugo', 'ines', 'jonas',
  'karin', 'leo', 'maya', 'nils', 'olga', 'pablo', 'quentin', 'rosa', 'samir', 'tara',
  'ulrich', 'vera', 'wei', 'xavier', 'yara', 'zoe', 'amir', 'beatriz', 'chen', 'dmitri',
]; // prettier-ignore

const SSH_ADMINS = new Set(['alice', 'david', 'farid', 'nils', 'tara', 'wei', 'chen']);
const RDP_USERS = new Set(['alice', 'david', 'olga', 'samir', 'wei']);

export const EMPLOYEES: readonly Employee[] = STAFF.map((user, i) => ({
  user,
  workstation: `WS-${String(i + 1).padStart(2, '0')}`,
  ip: `10.20.1.${11 + i}`,
  sshAdmin: SSH_ADMINS.has(user),
  rdpUser: RDP_USERS.has(user),
}));

/** Machine-to-machine logons that run at night. */
export const SERVICE_ACCOUNTS = [{ user: 'svc-backup', ip: '10.20.5.20', workstation: 'BKP01' }] as const;

const FIRST = ['maria', 'john', 'sofia', 'lukas', 'emma', 'noah', 'mia', 'liam', 'lea', 'paul'];
const LAST = ['garcia', 'smith', 'rossi', 'muller', 'dubois'];

export interface Customer {
  user: string;
  ip: string;
  userAgent: string;
}

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
] as const;

/** Forty shop customers, each with a home address in 198.51.100.0/24 (documentation range). */
export const CUSTOMERS: readonly Customer[] = LAST.flatMap((last, j) =>
  FIRST.slice(0, 8).map((first, i) => {
    const n = j * 8 + i;
    return {
      user: `${first}.${last}`,
      ip: `198.51.100.${10 + n}`,
      userAgent: USER_AGENTS[n % USER_AGENTS.length] as string,
    };
  }),
);

/** The customer who, logged in, probes other people's orders and the admin pages (attack e2). */
export const NOSY_CUSTOMER: Customer = {
  user: 'kevin.moreau',
  ip: '198.51.100.77',
  userAgent: USER_AGENTS[3],
};
