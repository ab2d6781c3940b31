// The web host's command line: `node out/main/web.js [--root DIR] [--port N] [--token T]
// [--data DIR] [--renderer DIR] [--memory-budget 4GiB] [--time-budget 15m] [--quiet] [FILE…]`.
// Each option may also come from RANKSCOPE_<NAME> in the environment.
export interface WebArguments {
  root?: string;
  port?: number;
  token?: string;
  data?: string;
  renderer?: string;
  memoryBudget?: string;
  timeBudget?: string;
  quiet: boolean;
  files: string[];
}

const valued = [
  'root',
  'port',
  'token',
  'data',
  'renderer',
  'memory-budget',
  'time-budget',
] as const;

export function parseWebArguments(
  argv: readonly string[],
  environment: Record<string, string | undefined> = {},
): WebArguments {
  const values = new Map<string, string>();
  const files: string[] = [];
  let quiet = false;
  for (let k = 0; k < argv.length; k++) {
    const argument = argv[k];
    if (argument === '--quiet') {
      quiet = true;
      continue;
    }
    if (argument === '--') {
      files.push(...argv.slice(k + 1));
      break;
    }
    const [name, inline] = argument.startsWith('--') ? argument.slice(2).split(/=(.*)/s) : [];
    if (name !== undefined) {
      if (!(valued as readonly string[]).includes(name))
        throw new Error(
          `Unknown option --${name}. Options: ${valued.map((option) => `--${option}`).join(', ')}, --quiet.`,
        );
      const value = inline ?? argv[++k];
      if (value === undefined) throw new Error(`--${name} needs a value.`);
      values.set(name, value);
      continue;
    }
    files.push(argument);
  }
  const get = (name: (typeof valued)[number]) =>
    values.get(name) ?? environment[`RANKSCOPE_${name.toUpperCase().replace(/-/g, '_')}`];
  const port = get('port');
  if (port !== undefined && !/^\d{1,5}$/.test(port))
    throw new Error(`--port ${port} is not a port number.`);
  return {
    root: get('root'),
    port: port === undefined ? undefined : Number(port),
    token: get('token'),
    data: get('data'),
    renderer: get('renderer'),
    memoryBudget: get('memory-budget'),
    timeBudget: get('time-budget'),
    quiet,
    files,
  };
}
