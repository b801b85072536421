// Runs in: vitest (node). The addresses a photo download must never reach unless the site is there.
import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './private-address';

describe('private and loopback addresses', () => {
  it('are recognised in every range issue 15 names, IPv4 and IPv6, written any way', () => {
    for (const ip of ['127.0.0.1', '127.255.0.9', '10.0.0.7', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', '::', '[::1]', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'febf::1', '::ffff:127.0.0.1', '::ffff:10.1.2.3', '::ffff:7f00:1', '0:0:0:0:0:0:0:1']) {
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, true]);
    }
  });

  it('leave public addresses and names alone', () => {
    for (const ip of ['93.184.216.34', '172.15.255.255', '172.32.0.1', '192.169.0.1', '169.255.0.1', '11.0.0.1', '2606:4700::1111', 'fec0::1', '::ffff:93.184.216.34', 'news.example.com']) {
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, false]);
    }
  });
});
