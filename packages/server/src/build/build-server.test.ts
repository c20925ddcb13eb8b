import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_PACKAGE_DIR } from '../paths.js';
import { buildServer } from './build-server.js';

describe("the build's output folder", () => {
  it('is refused outside the server package, or inside it but not a dist folder, and nothing there is deleted', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'tuopin-build-'));
    writeFileSync(path.join(outside, 'keep.txt'), 'keep');
    await expect(buildServer({ outDir: outside })).rejects.toThrow("the build's output folder must be");
    expect(existsSync(path.join(outside, 'keep.txt'))).toBe(true);
    for (const inside of [SERVER_PACKAGE_DIR, path.join(SERVER_PACKAGE_DIR, 'src'), path.join(SERVER_PACKAGE_DIR, 'distant')]) {
      await expect(buildServer({ outDir: inside })).rejects.toThrow("the build's output folder must be");
    }
    expect(existsSync(path.join(SERVER_PACKAGE_DIR, 'src', 'cli.ts'))).toBe(true);
  });

  it('is accepted as a dist-… folder inside the server package', async () => {
    const outDir = path.join(SERVER_PACKAGE_DIR, 'dist-test', `check-${process.pid}`);
    mkdirSync(outDir, { recursive: true });
    try {
      const { entry } = await buildServer({ outDir, sourceMaps: false });
      expect(existsSync(entry)).toBe(true);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
