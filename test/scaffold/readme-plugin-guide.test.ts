import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PLUGIN_TEMPLATE_DIR, pluginNamesOf, renderTemplate, REPO_ROOT, templateFiles } from '@tuopin/server';
import { describe, expect, it } from 'vitest';

/**
 * The README's plugin guide and the scaffold agree: every code excerpt of "Writing a plugin" is
 * a real excerpt of the templates as `pnpm plugin new demo-x` renders them, and its tree lists
 * exactly the files written. An excerpt may skip lines with a line `// …`.
 */

const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const start = readme.indexOf('## Writing a plugin\n');
const guide = readme.slice(start, readme.indexOf('\n## ', start + 1));

const names = pluginNamesOf('demo-x');
const rendered = templateFiles().map((file) => ({
  path: renderTemplate(file.slice(0, -'.tpl'.length), names, '<timestamp>'),
  lines: renderTemplate(readFileSync(path.join(PLUGIN_TEMPLATE_DIR, file), 'utf8'), names, '<timestamp>')
    .split('\n')
    .map((line) => line.trim()),
}));

/** True when `chunk` (trimmed lines) appears as consecutive lines of `lines`. */
function contains(lines: readonly string[], chunk: readonly string[]): boolean {
  return lines.some((_, at) => chunk.every((line, offset) => lines[at + offset] === line));
}

const excerpts = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('the README plugin guide', () => {
  it('has the scaffold excerpts', () => {
    expect(start).toBeGreaterThan(0);
    expect(excerpts.length).toBeGreaterThanOrEqual(7);
  });

  it.each(excerpts.map((excerpt) => [excerpt.trim().split('\n')[0], excerpt]))('quotes the templates: %s', (_first, excerpt) => {
    const chunks = excerpt
      .trimEnd()
      .split(/^\s*\/\/ …\s*$/m)
      .map((chunk) => chunk.split('\n').map((line) => line.trim()).filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1)))
      .map((chunk) => chunk.filter((line, i) => !(line === '' && (i === 0 || i === chunk.length - 1))))
      .filter((chunk) => chunk.length > 0);
    for (const chunk of chunks) {
      expect(rendered.some((file) => contains(file.lines, chunk)), `not in any template:\n${chunk.join('\n')}`).toBe(true);
    }
  });

  it('lists every file the scaffold writes, and no other', () => {
    const tree = /```text\nplugins\/demo-x\/\n([\s\S]*?)```/.exec(guide)?.[1] ?? '';
    const listed = tree.split('\n').filter((line) => line.trim() !== '').map((line) => line.trim().split(/\s+/)[0]);
    expect(listed.sort()).toEqual(rendered.map((file) => file.path).sort());
  });
});
