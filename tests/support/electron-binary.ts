// Runs in: Node (tests, the test preflight). The Electron binary's path without require('electron'),
// which would try to download it; null where it was never downloaded (as on our build machines).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinary(root: string): string | null {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
