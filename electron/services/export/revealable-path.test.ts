// Runs in: vitest (node). "Show in folder" accepts only files inside the folders Dateline writes.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../common/app-error';
import { revealablePath } from './revealable-path';

let base: string;
let exports: string;
let library: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'dateline-reveal-'));
  exports = join(base, 'exports');
  library = join(base, 'library');
  await mkdir(join(exports, 'harbour-fire'), { recursive: true });
  await mkdir(library);
  await writeFile(join(exports, 'harbour-fire', 'index.html'), '<p>x</p>');
  await writeFile(join(base, 'secret.txt'), 'x');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
  return 'accepted';
}

describe('revealablePath', () => {
  it('accepts an exported file, and refuses paths outside, relative paths, the root itself and links out', async () => {
    const file = join(exports, 'harbour-fire', 'index.html');
    expect(await revealablePath(file, [library, exports])).toBe(file);
    expect(await code(revealablePath(join(base, 'secret.txt'), [library, exports]))).toBe('invalid-input');
    expect(await code(revealablePath(join(exports, '..', 'secret.txt'), [library, exports]))).toBe('invalid-input');
    expect(await code(revealablePath('harbour-fire/index.html', [library, exports]))).toBe('invalid-input');
    expect(await code(revealablePath(exports, [library, exports]))).toBe('invalid-input');
    expect(await code(revealablePath('x'.repeat(5000), [exports]))).toBe('invalid-input');
    await symlink(join(base, 'secret.txt'), join(exports, 'link.txt'));
    expect(await code(revealablePath(join(exports, 'link.txt'), [exports]))).toBe('invalid-input');
    expect(await code(revealablePath(join(exports, 'gone.html'), [exports]))).toBe('not-found');
  });
});
