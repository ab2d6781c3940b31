import { describe, it, expect } from 'vitest';
import { chooseHostKind, socketUrl, tokenFromSearch } from './choose-host';

describe('host selection', () => {
  it('prefers the Electron bridge when the preload exposed one', () => {
    expect(chooseHostKind({ bridge: { info() {} }, search: '?token=abc' })).toBe('electron');
  });
  it('uses the web host when the page carries a token', () => {
    expect(chooseHostKind({ bridge: undefined, search: '?token=abc' })).toBe('web');
    expect(chooseHostKind({ bridge: undefined, search: '?x=1&token=abc' })).toBe('web');
  });
  it('falls back to the in-process host otherwise', () => {
    expect(chooseHostKind({ bridge: undefined, search: '' })).toBe('memory');
    expect(chooseHostKind({ bridge: undefined, search: '?token=' })).toBe('memory');
  });
  it('builds the socket address from the page origin', () => {
    expect(tokenFromSearch('?token=a%2Bb')).toBe('a+b');
    expect(socketUrl('http://127.0.0.1:5123', 'a+b')).toBe(
      'ws://127.0.0.1:5123/socket?token=a%2Bb',
    );
    expect(socketUrl('https://example.test', 't')).toBe('wss://example.test/socket?token=t');
  });
});
