import { BlockList, isIP } from 'node:net';

/**
 * Which resolved addresses the fetcher may connect to. Everything that is not ordinary public
 * unicast is refused — loopback, private, link-local (cloud metadata at 169.254.169.254),
 * CGNAT, multicast, reserved, IPv6 ULA/link-local, and IPv4 hidden inside IPv6 (mapped,
 * compatible, NAT64, 6to4) — unless the security admin allow-listed the range.
 */
const BLOCKED_V4: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const BLOCKED_V6: Array<[string, number]> = [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible form
  ['::ffff:0:0', 96], // IPv4-mapped
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
];

// Two lists: a BlockList matches IPv4 against IPv4-mapped IPv6 rules, so one mixed list would
// let the ::ffff:0:0/96 rule swallow every IPv4 address.
const blockedV4 = new BlockList();
const blockedV6 = new BlockList();
for (const [net, prefix] of BLOCKED_V4) blockedV4.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of BLOCKED_V6) blockedV6.addSubnet(net, prefix, 'ipv6');

export interface AddressPolicy {
  /** True when connecting to this literal address is allowed. */
  allows(address: string): boolean;
  /** True when the address is allow-listed (then any port may be used). */
  allowListed(address: string): boolean;
}

function family(address: string): 'ipv4' | 'ipv6' | null {
  const f = isIP(address);
  return f === 4 ? 'ipv4' : f === 6 ? 'ipv6' : null;
}

/** A policy over the admin's allow-list (CIDR strings; invalid entries are ignored). */
export function createAddressPolicy(allowCidrs: readonly string[]): AddressPolicy {
  const allowed = new BlockList();
  for (const cidr of allowCidrs) {
    const [net, bits] = cidr.split('/');
    const f = net ? family(net) : null;
    const prefix = Number(bits);
    if (!net || !f || !Number.isInteger(prefix) || prefix < 0 || prefix > (f === 'ipv4' ? 32 : 128)) continue;
    allowed.addSubnet(net, prefix, f);
  }
  const allowListed = (address: string): boolean => {
    const f = family(address);
    return f !== null && allowed.check(address, f);
  };
  return {
    allowListed,
    allows(address) {
      const f = family(address);
      if (!f) return false;
      if (allowListed(address)) return true;
      return f === 'ipv4' ? !blockedV4.check(address, 'ipv4') : !blockedV6.check(address, 'ipv6');
    },
  };
}
