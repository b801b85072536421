// Runs in: test processes. The exact versions the Ghost test fixture installs; they name its cache folder.

export const GHOST_VERSION = '6.65.0';
/** Ghost 6.65 needs Node ^22.23.1; the npm package ships the binary and the headers node-gyp needs. */
export const GHOST_NODE_VERSION = '22.23.3';
/** The version in Ghost's `packageManager` field; pnpm 12 is a native binary installed with npm. */
export const GHOST_PNPM_VERSION = '12.4.2';

export const GHOST_INSTALL_KEY = `ghost-${GHOST_VERSION}_node-${GHOST_NODE_VERSION}_pnpm-${GHOST_PNPM_VERSION}`;
