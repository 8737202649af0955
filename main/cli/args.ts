/** A small, strict argument parser: unknown flags and missing values are usage errors (exit 2). */
export class UsageError extends Error {}

export interface ParsedArgs {
  command: string | undefined;
  flags: Map<string, string | true>;
  positionals: string[];
}

export interface FlagSpec {
  /** Flags that take a value. */
  values: readonly string[];
  /** Flags that are switches. */
  switches: readonly string[];
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (spec.switches.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else if (spec.values.includes(name)) {
      const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else {
      throw new UsageError(`Unknown option --${name.slice(0, 40)}; see \`leasehold --help\``);
    }
  }
  return { command: positionals.shift(), flags, positionals };
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function requireFlag(args: ParsedArgs, name: string, hint: string): string {
  const v = flag(args, name);
  if (v === undefined) throw new UsageError(`${args.command ?? 'leasehold'} needs --${name} ${hint}`);
  return v;
}

export function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}
