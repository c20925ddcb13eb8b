import { PLUGIN_NAME_PATTERN, pluginNamespaceOf, rolePrefixOf } from '@tuopin/core';

/**
 * The spellings of one plugin name in the generated code: `demo-x` is the plugin (TUOPIN_PLUGINS,
 * `dependsOn`, permissions `demo-x.…`), `demo_x_` the prefix of its tables and migrations, `DemoX`
 * its GraphQL type prefix, `demoX` its fields and variables, `DEMO_X` its roles and constants.
 */
export interface PluginNames {
  /** `demo-x` */
  readonly name: string;
  /** `demo_x_`: the prefix of its tables and migrations */
  readonly namespace: string;
  /** `DemoX` */
  readonly pascal: string;
  /** `demoX` */
  readonly camel: string;
  /** `DEMO_X` (roles start with `DEMO_X_`) */
  readonly constant: string;
}

/** Why a name cannot be a plugin's, or null when it can. */
export function pluginNameProblem(name: string): string | null {
  if (!PLUGIN_NAME_PATTERN.test(name)) {
    return `'${name}' is not a plugin name: use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. 'education', 'demo-x')`;
  }
  if (name === 'core') return `'core' is the name of core's own plugin; choose another`;
  return null;
}

export function pluginNamesOf(name: string): PluginNames {
  const words = name.split('-');
  const capitalised = words.map((word) => `${word[0].toUpperCase()}${word.slice(1)}`);
  return {
    name,
    namespace: pluginNamespaceOf(name),
    pascal: capitalised.join(''),
    camel: `${words[0]}${capitalised.slice(1).join('')}`,
    constant: rolePrefixOf(name).slice(0, -1),
  };
}

/**
 * An installed plugin whose namespace and the new one's would overlap (`demo_` holds `demo_x_…`),
 * which `buildPlatform` refuses when both are enabled; null when there is none.
 */
export function namespaceClash(name: string, installed: readonly string[]): string | null {
  const mine = pluginNamespaceOf(name);
  for (const other of installed) {
    const theirs = pluginNamespaceOf(other);
    if (other === name) return `a plugin named '${name}' is already installed`;
    if (mine.startsWith(theirs) || theirs.startsWith(mine)) {
      return `the namespace '${mine}' of '${name}' and '${theirs}' of the installed plugin '${other}' overlap: one would hold the other's tables; choose another name`;
    }
  }
  return null;
}
