// Runs in: Node (the test preflight). The one block the preflight prints: each missing part, why,
// and the one command that installs them all.
import { partFix, type PreflightPlan } from './plan-preflight';

export type PreflightStage = 'before-install' | 'after-install' | 'install-failed';

export function formatPreflight(plan: PreflightPlan, stage: PreflightStage = 'before-install'): string {
  if (plan.missing.length === 0) return 'preflight: every external part the tests need is here.';
  const heading =
    stage === 'before-install'
      ? `preflight: ${plan.missing.length} external part${plan.missing.length === 1 ? '' : 's'} the tests need ${plan.missing.length === 1 ? 'is' : 'are'} missing:`
      : `preflight: still missing after installing${stage === 'install-failed' ? ' (the install failed, see above)' : ''}; the tests that need ${plan.missing.length === 1 ? 'it' : 'them'} will fail:`;
  const lines = [heading];
  for (const part of plan.missing) lines.push(`  - ${part.label}, for ${part.neededBy}: ${part.reason}`);
  if (plan.installCommand !== null) {
    lines.push(`Install ${plan.missing.length === 1 ? 'it' : 'them all'} with:`, `  ${plan.installCommand}`);
  }
  for (const part of plan.missing.filter((p) => plan.installCommand === null || p.debianPackages.length === 0)) {
    lines.push(`${part.label}: ${partFix(part, plan)}`);
  }
  if (stage === 'before-install') {
    if (plan.action === 'install') lines.push('Running that command now (root on Debian; set DATELINE_NO_INSTALL=1 to stop this).');
    else if (plan.installCommand !== null) lines.push(`The tests that need ${plan.missing.length === 1 ? 'it' : 'them'} will fail until then.`);
  }
  return lines.join('\n');
}
