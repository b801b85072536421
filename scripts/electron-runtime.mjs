// Runs in: Node (`npm start`, `npm run dist`). Pure decisions about the Electron runtime and the
// one-paragraph messages when it cannot be had; the scripts around them do the I/O. Plain .mjs, so
// it runs on any Node before anything is built or type-checked.

/** Electron 45's downloader (@electron/get) and packaging tools require this Node. */
export const ELECTRON_TOOLING_NODE = '22.12.0';
/** The build (Vite 8) requires this Node; package.json's engines says the same. */
export const BUILD_NODE = '20.19.0';

const SERVE_OFFER = 'Meanwhile the same app runs in your browser: `npm run serve`.';

/** True when `version` (e.g. 'v20.20.2') is at least `minimum` (e.g. '22.12.0'). */
export function nodeAtLeast(version, minimum) {
  const parse = (text) => text.replace(/^v/, '').split('.').map((part) => Number.parseInt(part, 10) || 0);
  const [have, need] = [parse(version), parse(minimum)];
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) !== (need[i] ?? 0)) return (have[i] ?? 0) > (need[i] ?? 0);
  }
  return true;
}

/**
 * What `npm start` does before building: launch the binary that is there, download it first, or stop
 * with a message. @returns {{ action: 'launch' } | { action: 'download' } | { action: 'stop', message: string }}
 */
export function decideStart({ nodeVersion, binaryPresent }) {
  if (!nodeAtLeast(nodeVersion, BUILD_NODE)) {
    return {
      action: 'stop',
      message: `Dateline cannot be built with Node ${nodeVersion.replace(/^v/, '')}: it needs Node ${BUILD_NODE} or newer, and Node ${ELECTRON_TOOLING_NODE} or newer to download the desktop runtime. Install Node 22 LTS or newer and run \`npm start\` again.`,
    };
  }
  if (binaryPresent) return { action: 'launch' };
  if (nodeAtLeast(nodeVersion, ELECTRON_TOOLING_NODE)) return { action: 'download' };
  return {
    action: 'stop',
    message:
      `Dateline's desktop app cannot start yet: the Electron runtime is downloaded on first use, and Electron's downloader needs Node ${ELECTRON_TOOLING_NODE} or newer (this is Node ${nodeVersion.replace(/^v/, '')}). ` +
      `Install Node 22 LTS or newer and run \`npm start\` again. ${SERVE_OFFER}`,
  };
}

const NETWORK_FAILURE = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|fetch failed|socket hang up|self[- ]signed certificate|unable to get local issuer certificate)\b/i;

/** The first line in a failed download's output that names a network error, or null. */
export function networkFailure(output) {
  const line = String(output)
    .split('\n')
    .map((text) => text.trim())
    .find((text) => NETWORK_FAILURE.test(text));
  if (!line) return null;
  // electron-builder appends `  failedTask=build stackTrace=...` to the same line.
  return line.replace(/^[^A-Za-z]+/, '').replace(/^\w*Error:\s*/, '').split(/\s{2,}/)[0].slice(0, 200);
}

/** The paragraph `npm start` prints when the Electron download failed (no stack trace). */
export function downloadFailedMessage(output) {
  const cause = networkFailure(output);
  const why = cause
    ? `this machine cannot reach the server Electron is published on (${cause})`
    : `the download failed (${String(output).trim().split('\n').find((line) => line.trim()) ?? 'no output'})`;
  return `Dateline's desktop app cannot start: the Electron runtime is not on this machine and ${why}. On a machine with internet access \`npm start\` downloads it once (about 100 MB). ${SERVE_OFFER}`;
}

/** The paragraph `npm run dist` prints when electron-builder failed for want of a download; null otherwise. */
export function distFailedMessage(output) {
  const cause = networkFailure(output);
  if (!cause) return null;
  return (
    `npm run dist cannot build the installers here: electron-builder downloads Electron (and its packaging tools) for each target, and this machine cannot reach the server they are published on (${cause}). ` +
    'Run `npm run dist` on a machine with internet access. The app itself is built in dist/, and `npm run serve` runs it in your browser.'
  );
}
