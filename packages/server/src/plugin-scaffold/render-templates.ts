import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SERVER_PACKAGE_DIR } from '../paths.js';
import type { PluginNames } from './plugin-names.js';

/** The plugin templates: `packages/server/templates/plugin`, files ending in `.tpl`. */
export const PLUGIN_TEMPLATE_DIR = path.join(SERVER_PACKAGE_DIR, 'templates', 'plugin');

/** The values the templates' placeholders stand for. The longer placeholders come first. */
function placeholders(names: PluginNames, timestamp: string): [string, string][] {
  return [
    ['__timestamp__', timestamp],
    ['__Pascal__', names.pascal],
    ['__camel__', names.camel],
    ['__PREFIX__', names.constant],
    ['__name__', names.name],
    ['__ns__', names.namespace],
  ];
}

/** A template's text (or path) with its placeholders replaced. */
export function renderTemplate(text: string, names: PluginNames, timestamp: string): string {
  return placeholders(names, timestamp).reduce((result, [placeholder, value]) => result.split(placeholder).join(value), text);
}

/** Every template file, as a path relative to the template folder. */
export function templateFiles(dir: string = PLUGIN_TEMPLATE_DIR): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tpl'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Writes the rendered templates into `targetDir`; returns the files written, relative to it. */
export function renderPluginTemplates(targetDir: string, names: PluginNames, timestamp: string, templateDir: string = PLUGIN_TEMPLATE_DIR): string[] {
  const written: string[] = [];
  for (const file of templateFiles(templateDir)) {
    const target = renderTemplate(file.slice(0, -'.tpl'.length), names, timestamp);
    mkdirSync(path.dirname(path.join(targetDir, target)), { recursive: true });
    writeFileSync(path.join(targetDir, target), renderTemplate(readFileSync(path.join(templateDir, file), 'utf8'), names, timestamp));
    written.push(target);
  }
  return written;
}
