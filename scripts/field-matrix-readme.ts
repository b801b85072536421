// Runs in: node (tsx), by hand after changing common/publish/field-matrix.ts: rewrites the README's
// generated field-matrix section (common/publish/field-matrix.test.ts fails until it is).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { README_BEGIN, README_END, renderFieldMatrix } from '../common/publish/field-matrix';

const file = join(import.meta.dirname, '..', 'README.md');
const readme = readFileSync(file, 'utf8');
const start = readme.indexOf(README_BEGIN);
const end = readme.indexOf(README_END);
if (start < 0 || end < start) throw new Error(`README.md has no section between ${README_BEGIN} and ${README_END}`);
writeFileSync(file, `${readme.slice(0, start + README_BEGIN.length)}\n${renderFieldMatrix()}\n${readme.slice(end)}`);
