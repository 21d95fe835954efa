import { Command, CommanderError } from 'commander';
import { commands } from './commands.ts';

/**
 * The strikewatch CLI. Each command lives in its own file and registers itself through
 * `commands.ts`; commands are thin: parse arguments, call the core, print.
 * Returns the process exit code.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('strikewatch')
    .description('Turn news reports of air and drone strikes into a corroborated, source-linked incident database.')
    .option('--db <path>', 'database file (default ./strikewatch.db, or STRIKEWATCH_DB)')
    .exitOverride()
    .showHelpAfterError();
  let code = 0;
  const setExit = (c: number) => {
    code = Math.max(code, c);
  };
  for (const register of commands) register(program, setExit);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    console.error(`strikewatch: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  return code;
}

/** Signature of a command module's registration function. */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;
