/** A small, strict argument parser: the CLI has few options and must explain mistakes in French. */

export interface OptionDef {
  name: string;
  alias?: string;
  /** true: takes a value (« --forme ccf »); false: a switch (« --json »). */
  value: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], defs: OptionDef[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    const def = defs.find((d) => `--${d.name}` === flag || (d.alias !== undefined && `-${d.alias}` === flag));
    if (!def) throw new UsageError(`Option inconnue : ${flag}.`);
    if (!def.value) {
      options.set(def.name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '')
      throw new UsageError(`L'option --${def.name} attend une valeur.`);
    options.set(def.name, value);
  }
  return { positionals, options };
}

export function textOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}
