import { describe, expect, it } from 'vitest';
import { citableAddress, seedAddresses } from './addresses.ts';

describe('citableAddress', () => {
  it('cites what voters on MusicBrainz can open', () => {
    for (const url of [
      'https://liner.example.org/release/x',
      'http://203.0.113.7:5733/release/x',
      'http://[2001:db8::1]:5733/release/x',
      'http://[::ffff:203.0.113.7]/release/x',
      'https://liner.tailnet.ts.net/release/x',
    ])
      expect(citableAddress(url), url).toBe(true);
  });

  it('leaves out loopback, private networks and local names', () => {
    for (const url of [
      'http://127.0.0.1:5733',
      'http://localhost:5733',
      'http://10.0.0.2',
      'http://172.16.4.1',
      'http://192.168.1.5:5733',
      'http://169.254.1.1',
      'http://0.0.0.0:5733',
      'http://[::1]:5733',
      'http://[fd00::5]',
      'http://[fe80::1]',
      'http://nas:5733',
      'http://liner.local',
      'http://nas.lan:5733',
      'http://liner.home.arpa',
      'http://liner.internal',
      'http://100.101.102.103:5733',
      'http://[::ffff:192.168.1.5]:5733',
      'not a url',
    ])
      expect(citableAddress(url), url).toBe(false);
  });
});

describe('seedAddresses', () => {
  it('points back to the permalink page, cited only where it can be opened', () => {
    expect(seedAddresses('https://liner.example.org/', 'abcdefabcdef')).toEqual({
      permalinkUrl: 'https://liner.example.org/release/abcdefabcdef',
      redirectUri: 'https://liner.example.org/release/abcdefabcdef/imported',
      serverUrl: 'https://liner.example.org',
    });
    expect(seedAddresses('http://192.168.1.5:5733', 'abcdefabcdef')).toEqual({
      redirectUri: 'http://192.168.1.5:5733/release/abcdefabcdef/imported',
      serverUrl: 'http://192.168.1.5:5733',
    });
  });
});
