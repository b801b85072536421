// Runs in: vitest (Node). A reporter's library lands in the usual per-user data folder of each OS.
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './default-data-dir';

describe('defaultDataDir', () => {
  it('uses ~/.local/share on Linux, or XDG_DATA_HOME when it is absolute', () => {
    expect(defaultDataDir('linux', {}, '/home/mei')).toBe('/home/mei/.local/share/Dateline');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data/mei' }, '/home/mei')).toBe('/data/mei/Dateline');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: 'relative' }, '/home/mei')).toBe('/home/mei/.local/share/Dateline');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir('darwin', {}, '/Users/mei')).toBe('/Users/mei/Library/Application Support/Dateline');
  });

  it('uses %APPDATA% on Windows', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\mei\\AppData\\Roaming' }, 'C:\\Users\\mei')).toBe('C:\\Users\\mei\\AppData\\Roaming\\Dateline');
    expect(defaultDataDir('win32', {}, 'C:\\Users\\mei')).toBe('C:\\Users\\mei\\AppData\\Roaming\\Dateline');
  });
});
