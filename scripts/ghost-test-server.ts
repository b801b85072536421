// Runs in: a terminal (npx tsx scripts/ghost-test-server.ts). Starts the private Ghost the tests use
// (installing it into the cache first if needed), prints its address and Admin API key, and stops it on Ctrl+C.
import { startGhost } from '../tests/support/ghost/ghost-fixture';

const site = await startGhost();
console.log(
  JSON.stringify(
    { url: site.url, adminKey: site.adminKey, owner: site.owner.email, installMs: site.timings.installMs, startMs: site.timings.startMs, fromSnapshot: site.timings.fromSnapshot },
    null,
    2,
  ),
);
const stop = () => {
  void site.stop().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
