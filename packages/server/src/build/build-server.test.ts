import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('is accepted as a dist-… folder inside the server package, and gets ASCII modules with short lines', async () => {
    const outDir = path.join(SERVER_PACKAGE_DIR, 'dist-test', `check-${process.pid}`);
    mkdirSync(outDir, { recursive: true });
    try {
      const { entry } = await buildServer({ outDir, sourceMaps: false });
      expect(existsSync(entry)).toBe(true);
      // V8 keeps each module's source for the server's life, at two bytes a character if one is not Latin-1.
      const modules = readdirSync(outDir)
        .filter((file) => file.endsWith('.js'))
        .map((file) => ({ file, text: readFileSync(path.join(outDir, file), 'utf8') }));
      expect(modules.length).toBeGreaterThan(1);
      for (const { file, text } of modules) {
        expect({ file, nonAscii: text.match(/[^\x00-\x7f]/g) ?? [] }).toEqual({ file, nonAscii: [] });
        expect({ file, longestLine: Math.max(...text.split('\n').map((line) => line.length)) < 1000 }).toEqual({ file, longestLine: true });
      }
      // Whitespace went, not code: the household's 两不愁三保障 fields, under a comment in Chinese in the source, are there.
      expect(modules.some(({ text }) => text.includes('compulsoryEducationSecure:'))).toBe(true);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
