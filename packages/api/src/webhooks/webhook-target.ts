import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Which hosts webhooks may call. `public`: only addresses on the public internet, so a key
 * holder cannot make the server call into its own network (databases, cloud metadata at
 * 169.254.169.254, admin ports on localhost). `any`: also loopback and private networks, for
 * deployments whose receivers live inside them.
 */
export type WebhookTargets = 'public' | 'any';

/** Special-purpose ranges (IANA registries for IPv4 and IPv6) that are not public hosts. */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** True when `address` (an IPv4 or IPv6 literal) is not a public internet host. */
export function isNonPublicAddress(address: string): boolean {
  // An IPv4-mapped IPv6 address reaches the IPv4 address it carries.
  const mapped = IPV4_MAPPED.exec(address)?.[1];
  if (mapped !== undefined) return NON_PUBLIC.check(mapped, 'ipv4');
  return NON_PUBLIC.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The addresses `url`'s host stands for that are not public (a literal, or every address the
 * host name resolves to). Empty when all are public, or when the name does not resolve now:
 * delivery checks again before every attempt.
 *
 * @example
 * await nonPublicAddresses('http://localhost:8080/hook'); // ['127.0.0.1', '::1']
 */
export async function nonPublicAddresses(url: string): Promise<string[]> {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses =
    isIP(host) !== 0
      ? [host]
      : await lookup(host, { all: true }).then(
          (found) => found.map((entry) => entry.address),
          () => [],
        );
  return addresses.filter(isNonPublicAddress);
}

/**
 * Why `url` may not be called under `targets`, or `undefined` when it may.
 *
 * @example
 * await webhookTargetRefusal('http://10.0.0.5/hook', 'public');
 * // 'resolves to 10.0.0.5, which is not a public address; ...'
 */
export async function webhookTargetRefusal(
  url: string,
  targets: WebhookTargets,
): Promise<string | undefined> {
  if (targets === 'any') return undefined;
  const refused = await nonPublicAddresses(url);
  return refused.length === 0
    ? undefined
    : `resolves to ${refused.join(', ')}, which is not a public address; webhooks call only public hosts unless the server runs with TAGWISE_WEBHOOK_TARGETS=any`;
}
