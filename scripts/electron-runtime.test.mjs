// Runs in: vitest (node). What `npm start` and `npm run dist` say when the Electron runtime cannot be had.
import { describe, expect, it } from 'vitest';
import { decideStart, distFailedMessage, downloadFailedMessage, nodeAtLeast } from './electron-runtime.mjs';

const ELECTRON_DOWNLOAD_TRACE = [
  'Downloading Electron binary...',
  'RequestError: getaddrinfo ENOTFOUND github.com',
  '    at ClientRequest.<anonymous> (/repo/node_modules/got/dist/source/core/index.js:970:111)',
  '    at Object.onceWrapper (node:events:634:26)',
].join('\n');

describe('npm start, before building', () => {
  it('launches an Electron binary that is already there, whatever the Node version', () => {
    expect(decideStart({ nodeVersion: 'v20.20.2', binaryPresent: true })).toEqual({ action: 'launch' });
  });

  it('downloads the runtime first on Node 22.12 or newer', () => {
    expect(decideStart({ nodeVersion: 'v22.12.0', binaryPresent: false })).toEqual({ action: 'download' });
    expect(decideStart({ nodeVersion: 'v24.1.0', binaryPresent: false })).toEqual({ action: 'download' });
  });

  it('stops on older Node with one paragraph that names both versions and offers npm run serve', () => {
    const decision = decideStart({ nodeVersion: 'v20.20.2', binaryPresent: false });
    expect(decision.action).toBe('stop');
    expect(decision.message).toContain('needs Node 22.12.0 or newer (this is Node 20.20.2)');
    expect(decision.message).toContain('`npm run serve`');
    expect(decision.message).not.toContain('\n');
  });

  it('stops before building on a Node too old for the build itself, even with the binary there', () => {
    const decision = decideStart({ nodeVersion: 'v18.20.4', binaryPresent: true });
    expect(decision.action).toBe('stop');
    expect(decision.message).toContain('cannot be built with Node 18.20.4: it needs Node 20.19.0 or newer');
  });

  it('compares Node versions numerically', () => {
    expect(nodeAtLeast('v22.9.0', '22.12.0')).toBe(false);
    expect(nodeAtLeast('v22.12.1', '22.12.0')).toBe(true);
    expect(nodeAtLeast('v100.0.0', '22.12.0')).toBe(true);
  });

  it('turns a failed download into one paragraph with the network cause, and no stack trace', () => {
    const message = downloadFailedMessage(ELECTRON_DOWNLOAD_TRACE);
    expect(message).toContain('cannot reach the server Electron is published on (getaddrinfo ENOTFOUND github.com)');
    expect(message).toContain('`npm run serve`');
    expect(message).not.toMatch(/\n|node_modules|at ClientRequest/);
  });

  it('recognises Node’s own fetch failing (what @electron/get prints on Node 22 without a network)', () => {
    const message = downloadFailedMessage('TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download (file:///repo/node_modules/@electron/get/dist/FetchDownloader.js:46:30)');
    expect(message).toContain('cannot reach the server Electron is published on (fetch failed)');
    expect(message).not.toMatch(/\n|undici|FetchDownloader/);
  });

  it('still says what failed when the download fails for another reason', () => {
    expect(downloadFailedMessage('\nError: EACCES: permission denied, mkdir /repo/node_modules/electron/dist')).toContain('the download failed (Error: EACCES: permission denied');
  });
});

describe('npm run dist', () => {
  it('says plainly that the Electron download is impossible here', () => {
    const message = distFailedMessage(`  • downloading url=https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip\n  ⨯ getaddrinfo EAI_AGAIN github.com\nError: getaddrinfo EAI_AGAIN github.com\n    at GetAddrInfoReqWrap.onlookup`);
    expect(message).toContain('cannot reach the server they are published on (getaddrinfo EAI_AGAIN github.com)');
    expect(message).not.toContain('\n');
  });

  it('keeps only the cause from electron-builder’s one-line trace', () => {
    const output = '  • packaging       platform=linux arch=x64 electron=45.5.0 appOutDir=release/linux-unpacked\n  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest.<anonymous> (/repo/node_modules/got/dist/source/core/index.js:970:111)';
    expect(distFailedMessage(output)).toContain('(getaddrinfo ENOTFOUND github.com).');
  });

  it('leaves other failures to electron-builder’s own output', () => {
    expect(distFailedMessage('⨯ Invalid configuration object. electron-builder 26.17.0 has been initialized using a configuration object that does not match the API schema.')).toBeNull();
  });
});
