import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@tuopin/server';
import { expect, it } from 'vitest';

// The README calls tuopin open source: the licence file and every package must say which licence.
it('has an MIT LICENSE, and every workspace package declares it', () => {
  expect(readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  const packageFiles = ['package.json', 'test/package.json'];
  for (const folder of ['packages', 'plugins', 'examples']) {
    for (const name of readdirSync(path.join(REPO_ROOT, folder))) {
      const file = path.join(folder, name, 'package.json');
      if (existsSync(path.join(REPO_ROOT, file))) packageFiles.push(file);
    }
  }
  expect(packageFiles.length).toBeGreaterThanOrEqual(7);
  const undeclared = packageFiles.filter((file) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')).license !== 'MIT');
  expect(undeclared).toEqual([]);
});
