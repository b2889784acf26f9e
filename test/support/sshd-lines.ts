/** Ten sshd "Failed password" lines from `ip`, 100 ms apart from `from`, with pids from `pid`. */
export function sshdFailures(ip: string, from: number, pid = 4000): string {
  let lines = '';
  for (let i = 0; i < 10; i++) {
    const at = new Date(from + i * 100);
    const month = at.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    const day = String(at.getUTCDate()).padStart(2, ' ');
    lines += `${month} ${day} ${at.toISOString().slice(11, 19)} web1 sshd[${pid + i}]: Failed password for invalid user u${i} from ${ip} port ${40000 + i} ssh2\n`;
  }
  return lines;
}
