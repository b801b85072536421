// Runs in: Node, by hand (`npx tsx scripts/wordpress-test-server.ts [--plain] [--no-plugin]
// [--faults=SEED]`). Starts the same throwaway WordPress the integration tests use, prints its
// address and accounts, optionally puts the fault proxy in front, and removes it all on Ctrl+C.
import { randomFaultPlan } from '../tests/integration/support/fault-plan';
import { startFaultProxy, type FaultProxy } from '../tests/integration/support/fault-proxy';
import { startWordPress } from '../tests/integration/support/wordpress-fixture';

const args = new Set(process.argv.slice(2));
const faultSeed = [...args].find((arg) => arg.startsWith('--faults='))?.slice('--faults='.length);

async function main(): Promise<void> {
  const started = Date.now();
  const site = await startWordPress({ prettyPermalinks: !args.has('--plain'), companionPlugin: !args.has('--no-plugin') });
  console.log(`WordPress ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  site:      ${site.url}`);
  console.log(`  REST root: ${site.restRoot}`);
  console.log(`  docroot:   ${site.docroot}`);
  for (const user of Object.values(site.users)) {
    console.log(`  ${user.role.padEnd(11)} login ${user.login.padEnd(11)} application password "${user.appPassword}"  (id ${user.id})`);
  }
  let proxy: FaultProxy | null = null;
  if (faultSeed !== undefined) {
    proxy = await startFaultProxy({
      target: site.url,
      plan: randomFaultPlan({ seed: Number(faultSeed) || 1, rates: { 'drop-response': 0.1, reset: 0.05, 'reset-after-forward': 0.05, delay: 0.05, 'http-error': 0.05 } }),
    });
    console.log(`  fault proxy (seed ${faultSeed}): ${proxy.url}`);
  }
  const memory = site.memoryUsage();
  console.log(`  memory: PHP ${(memory.phpRssBytes / 1e6).toFixed(0)} MB, MariaDB ${(memory.mariadbRssBytes / 1e6).toFixed(0)} MB`);
  console.log('Ctrl+C stops it and deletes everything.');

  const shutdown = async () => {
    const stopping = Date.now();
    if (proxy) {
      console.log(`proxy stats: ${JSON.stringify({ ...proxy.stats, log: undefined })}`);
      await proxy.close();
    }
    await site.stop();
    console.log(`stopped in ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
