/** The flags every front door shares: --data-dir DIR and --port N (also --flag=value). */
export type CommonArgs = { dataDir?: string; port?: number; rest: string[]; errors: string[] };

export function parseArgs(argv: string[]): CommonArgs {
  const out: CommonArgs = { rest: [], errors: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--data-dir') {
      const v = value();
      if (!v) out.errors.push('--data-dir needs a directory.');
      else out.dataDir = v;
    } else if (flag === '--port') {
      const v = value();
      const n = Number(v);
      if (!v || !Number.isInteger(n) || n < 0 || n > 65535) out.errors.push(`--port needs a port number from 0 to 65535 (got ${v ?? 'nothing'}).`);
      else out.port = n;
    } else {
      out.rest.push(arg);
    }
  }
  return out;
}
