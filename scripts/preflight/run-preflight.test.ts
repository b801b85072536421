// Runs in: vitest (node). The test preflight on machines we cannot be on: bare Debian as root,
// a developer without root, macOS, and an install that does not help. Probes are fakes.
import { describe, expect, it } from 'vitest';
import { formatPreflight } from './format-preflight';
import { planPreflight, type PreflightMachine } from './plan-preflight';
import type { PreflightPart } from './preflight-part';
import { runPreflight } from './run-preflight';

const part = (id: string, packages: string[], present: boolean): PreflightPart => ({
  id,
  label: id.toUpperCase(),
  neededBy: `the ${id} tests`,
  present,
  reason: present ? '' : `${id} was not found`,
  debianPackages: packages,
  elsewhere: `get ${id} by hand`,
});

const bareDebian = () => [part('chromium', ['chromium'], false), part('fonts', ['fonts-noto-cjk'], true), part('wordpress', ['wordpress', 'php-cli', 'mariadb-server'], false), part('xvfb', ['xvfb', 'xauth'], false)];
const ROOT_DEBIAN: PreflightMachine = { debian: true, root: true, noInstall: false };

function fakeMachine(machine: PreflightMachine, probes: PreflightPart[][], installWorks = true) {
  const printed: string[] = [];
  const installs: string[][] = [];
  let call = 0;
  const outcome = runPreflight({
    machine,
    probe: () => probes[Math.min(call++, probes.length - 1)] ?? [],
    install: (packages) => {
      installs.push([...packages]);
      return installWorks;
    },
    print: (text) => printed.push(text),
  });
  return { outcome, printed, installs, probes: call };
}

describe('the test preflight', () => {
  it('on a bare Debian machine as root, names every missing part, installs them all with one command, and finds them afterwards', () => {
    const installedAll = bareDebian().map((p) => ({ ...p, present: true, reason: '' }));
    const run = fakeMachine(ROOT_DEBIAN, [bareDebian(), installedAll]);
    expect(run.installs).toEqual([['chromium', 'wordpress', 'php-cli', 'mariadb-server', 'xvfb', 'xauth']]);
    expect(run.outcome.plan.missing).toEqual([]);
    expect(run.printed).toHaveLength(2);
    const block = run.printed[0] ?? '';
    expect(block).toContain('3 external parts the tests need are missing');
    for (const id of ['CHROMIUM', 'WORDPRESS', 'XVFB']) expect(block).toContain(`${id}, for the ${id.toLowerCase()} tests: ${id.toLowerCase()} was not found`);
    expect(block).not.toContain('FONTS');
    expect(block).toContain('apt-get update && apt-get install -y --no-install-recommends chromium wordpress php-cli mariadb-server xvfb xauth');
    expect(block).toContain('Running that command now');
    expect(run.printed[1]).toMatch(/installed; every external part/);
  });

  it('prints one block and installs nothing when everything is there', () => {
    const run = fakeMachine(ROOT_DEBIAN, [bareDebian().map((p) => ({ ...p, present: true }))]);
    expect(run.installs).toEqual([]);
    expect(run.probes).toBe(1);
    expect(run.printed).toEqual(['preflight: every external part the tests need is here.']);
  });

  it('does not install with DATELINE_NO_INSTALL=1 (or --check-only), and still names the command', () => {
    const run = fakeMachine({ ...ROOT_DEBIAN, noInstall: true }, [bareDebian()]);
    expect(run.installs).toEqual([]);
    expect(run.outcome.plan.action).toBe('report');
    expect(run.outcome.plan.missing.map((p) => p.id)).toEqual(['chromium', 'wordpress', 'xvfb']);
    expect(run.printed[0]).toContain('apt-get update && apt-get install -y');
    expect(run.printed[0]).not.toContain('Running that command now');
  });

  it('for a developer without root, gives the command with sudo and does not run it', () => {
    const run = fakeMachine({ debian: true, root: false, noInstall: false }, [bareDebian()]);
    expect(run.installs).toEqual([]);
    expect(run.outcome.plan.installCommand).toBe('sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium wordpress php-cli mariadb-server xvfb xauth');
  });

  it('off Debian, names each part with how to get it there instead of an apt-get line', () => {
    const run = fakeMachine({ debian: false, root: false, noInstall: false }, [bareDebian()]);
    expect(run.outcome.plan.installCommand).toBeNull();
    expect(run.printed[0]).not.toContain('apt-get');
    expect(run.printed[0]).toContain('CHROMIUM: get chromium by hand');
    expect(run.printed[0]).toContain('WORDPRESS: get wordpress by hand');
  });

  it('a part no package brings (a wrong DATELINE_CHROMIUM) is named with its own fix, beside the apt-get line', () => {
    const parts = [{ ...part('chromium', [], false), elsewhere: 'unset DATELINE_CHROMIUM' }, part('wordpress', ['wordpress'], false)];
    const plan = planPreflight(parts, { ...ROOT_DEBIAN, noInstall: true });
    const block = formatPreflight(plan);
    expect(block).toContain('apt-get install -y --no-install-recommends wordpress');
    expect(block).toContain('CHROMIUM: unset DATELINE_CHROMIUM');
  });

  it('reports what is still missing after the install, with its install command and never an empty reason', () => {
    const stillNoWordPress = bareDebian().map((p) => (p.id === 'wordpress' ? p : { ...p, present: true, reason: '' }));
    const run = fakeMachine(ROOT_DEBIAN, [bareDebian(), stillNoWordPress], false);
    expect(run.outcome.installed).toBe(false);
    expect(run.outcome.plan.missing.map((p) => p.id)).toEqual(['wordpress']);
    expect(run.outcome.plan.installCommand).toBe('apt-get update && apt-get install -y --no-install-recommends wordpress php-cli mariadb-server');
    expect(run.printed[1]).toContain('still missing after installing (the install failed, see above)');
    expect(run.printed[1]).toContain('WORDPRESS, for the wordpress tests: wordpress was not found');
    expect(run.outcome.plan.missing.every((p) => p.reason.length > 0)).toBe(true);
  });
});
