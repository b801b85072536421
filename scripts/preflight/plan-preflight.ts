// Runs in: Node (the test preflight). Pure: from what the probes found and where we run, decides
// what is missing, the one command that installs all of it, and whether to run that command.
import type { PreflightPart } from './preflight-part';

export interface PreflightMachine {
  /** Debian or a derivative with apt-get. */
  debian: boolean;
  root: boolean;
  /** DATELINE_NO_INSTALL=1, or --check-only: report, never install. */
  noInstall: boolean;
}

export type PreflightAction = 'nothing' | 'install' | 'report';

export interface PreflightPlan {
  missing: PreflightPart[];
  /** Every Debian package the missing parts need, each once, in order. */
  packages: string[];
  /** The one command that installs them all; null where apt-get is no help. */
  installCommand: string | null;
  action: PreflightAction;
}

export function aptInstallCommand(packages: readonly string[], root: boolean): string {
  const sudo = root ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

export function planPreflight(parts: readonly PreflightPart[], machine: PreflightMachine): PreflightPlan {
  const missing = parts.filter((part) => !part.present);
  const packages = [...new Set(missing.flatMap((part) => part.debianPackages))];
  const installCommand = machine.debian && packages.length > 0 ? aptInstallCommand(packages, machine.root) : null;
  const action: PreflightAction =
    missing.length === 0 ? 'nothing' : installCommand !== null && machine.root && !machine.noInstall ? 'install' : 'report';
  return { missing, packages, installCommand, action };
}

/** How to get one missing part, as the summary line after the tests names it. */
export function partFix(part: PreflightPart, plan: PreflightPlan): string {
  if (plan.installCommand !== null && part.debianPackages.length > 0) return plan.installCommand;
  return part.elsewhere;
}
