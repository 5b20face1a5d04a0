/** The value after `--name` (or `--name=value`) on the command line, if given. */
export function optionValue(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const arg = argv[i] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
}

/** Runs a CLI body and exits: 0 on success, 1 on a refusal it explains, 2 on anything else. */
export function runCli(body: () => Promise<void>, failure: string, isRefusal: (err: unknown) => boolean): void {
  body().then(
    () => process.exit(0),
    (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(isRefusal(err) ? `${message}\n` : `${failure}：${message}\n`);
      process.exit(isRefusal(err) ? 1 : 2);
    },
  );
}
