import { describe, expect, it } from 'vitest';
import { isNonPublicAddress, nonPublicAddresses, webhookTargetRefusal } from './webhook-target.ts';

describe('webhook targets', () => {
  it('tells public addresses from loopback, private, link-local and reserved ones', () => {
    const nonPublic = [
      '0.0.0.0',
      '10.255.0.1',
      '100.64.0.1',
      '127.0.0.1',
      '169.254.169.254',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '198.18.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'ff02::1',
      '::ffff:10.0.0.1',
      '::ffff:7f00:1',
    ];
    const isPublic = [
      '8.8.8.8',
      '93.184.216.34',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700::1111',
      '::ffff:8.8.8.8',
    ];
    expect(nonPublic.filter((address) => !isNonPublicAddress(address))).toEqual([]);
    expect(isPublic.filter(isNonPublicAddress)).toEqual([]);
  });

  it('resolves host names and reads literals, with or without brackets', async () => {
    expect(await nonPublicAddresses('http://localhost:8080/hook')).toContain('127.0.0.1');
    expect(await nonPublicAddresses('http://[::1]:8080/hook')).toEqual(['::1']);
    // WHATWG URLs normalise other spellings of an IPv4 address.
    expect(await nonPublicAddresses('http://0x7f000001/hook')).toEqual(['127.0.0.1']);
    expect(await nonPublicAddresses('https://93.184.216.34/hook')).toEqual([]);
    // A name that does not resolve now is not refused: every attempt checks again.
    expect(await nonPublicAddresses('https://no-such-host.invalid/hook')).toEqual([]);
  });

  it('refuses only under the public policy', async () => {
    expect(await webhookTargetRefusal('http://10.0.0.7/hook', 'any')).toBeUndefined();
    expect(await webhookTargetRefusal('http://10.0.0.7/hook', 'public')).toMatch(
      /^resolves to 10\.0\.0\.7, which is not a public address; .*TAGWISE_WEBHOOK_TARGETS=any/,
    );
  });
});
