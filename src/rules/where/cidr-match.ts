import { combineTests } from './field-test.ts';
import { isInCidr, parseCidr, parseIp } from './ip.ts';
import type { CidrPrefix, IpAddress } from './ip.ts';
import type { BuildResult } from './operator.ts';

/** `cidr`: the field holds an IP address inside one of the prefixes; non-IP values never match. */
export function buildCidrMatch(values: readonly (string | number | boolean)[], all: boolean): BuildResult {
  const prefixes: CidrPrefix[] = [];
  const errors: { index: number; message: string }[] = [];
  values.forEach((value, index) => {
    const prefix = typeof value === 'string' ? parseCidr(value.trim()) : undefined;
    if (prefix === undefined) {
      errors.push({
        index,
        message: `invalid CIDR \`${String(value)}\`; expected e.g. 10.0.0.0/8 or 2001:db8::/32`,
      });
    } else {
      prefixes.push(prefix);
    }
  });
  if (errors.length > 0) return { errors };
  const tests = prefixes.map((prefix) => (address: IpAddress) => isInCidr(address, prefix));
  return { test: combineTests(ipOf, tests, all) };
}

function ipOf(element: unknown): IpAddress | undefined {
  return typeof element === 'string' ? parseIp(element) : undefined;
}
