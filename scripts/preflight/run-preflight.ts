// Runs in: Node (the test preflight). Probe, print one block, install as root on Debian, probe
// again. The probes, the installer and the printer are passed in, so the flow is tested with fakes.
import { formatPreflight } from './format-preflight';
import { planPreflight, type PreflightMachine, type PreflightPlan } from './plan-preflight';
import type { PreflightPart } from './preflight-part';

export interface PreflightDeps {
  probe(): PreflightPart[];
  machine: PreflightMachine;
  /** Runs `apt-get update` and `apt-get install` for these packages; true when both succeeded. */
  install(packages: readonly string[]): boolean;
  print(text: string): void;
}

export interface PreflightOutcome {
  /** What is still missing when the tests start (after any install). */
  plan: PreflightPlan;
  installed: boolean;
}

export function runPreflight(deps: PreflightDeps): PreflightOutcome {
  const first = planPreflight(deps.probe(), deps.machine);
  deps.print(formatPreflight(first, 'before-install'));
  if (first.action !== 'install') return { plan: first, installed: false };
  const ok = deps.install(first.packages);
  // Still missing is reported with the command a person would run, even though we ran it.
  const after = planPreflight(deps.probe(), { ...deps.machine, noInstall: true });
  deps.print(after.missing.length === 0 ? 'preflight: installed; every external part the tests need is here now.' : formatPreflight(after, ok ? 'after-install' : 'install-failed'));
  return { plan: after, installed: ok };
}
