// Runs in: test processes. Runs one install step and, when it fails, says which command failed and
// how to run it by hand, with the end of its output.
import { spawn } from 'node:child_process';
import { GhostFixtureError } from './ghost-fixture-error';

const OUTPUT_LIMIT = 6_000;

export interface InstallCommand {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** What the step is for, in the error message. */
  purpose: string;
}

export function describeCommand(step: InstallCommand): string {
  return `cd ${step.cwd} && ${[step.command, ...step.args].join(' ')}`;
}

export function runInstallCommand(step: InstallCommand): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
    };
    const child = spawn(step.command, step.args, { cwd: step.cwd, env: step.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => {
      reject(new GhostFixtureError(`Could not ${step.purpose}: \`${step.command}\` could not be started (${error.message}).\nCommand: ${describeCommand(step)}`));
    });
    child.once('close', (code, signal) => {
      if (code === 0) {
        resolve(output);
        return;
      }
      const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      reject(new GhostFixtureError(`Could not ${step.purpose}: the command ${how}.\nCommand: ${describeCommand(step)}`, output));
    });
  });
}
