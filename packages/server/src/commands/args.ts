import { ConfigurationError } from '../configuration-error.js';

/** `--name value` options; repeated options collect into lists. */
export function parseOptions(args: string[]): Map<string, string[]> {
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) throw new ConfigurationError(`unexpected argument '${arg}'`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new ConfigurationError(`${arg} needs a value`);
    options.set(arg.slice(2), [...(options.get(arg.slice(2)) ?? []), value]);
    i++;
  }
  return options;
}

export function one(options: Map<string, string[]>, name: string, fallback?: string): string {
  const value = options.get(name)?.[0] ?? fallback;
  if (value === undefined) throw new ConfigurationError(`--${name} is required`);
  return value;
}
