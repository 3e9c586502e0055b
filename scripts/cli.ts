// The start every command shares: read its options, answer --help, and stop with status 2 when it is used wrongly.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Stops the command with status 2 (used wrongly), saying why in one line that starts with its name. */
export function usageError(command: string, message: string): never {
  console.error(`${command}: ${message}`);
  process.exit(2);
}

/**
 * The command's options and file names (node's parseArgs). A wrong option prints the reason and the help and
 * exits with status 2; --help (or -h), when the config has it, prints the help and exits with status 0.
 */
export function readArgs<T extends ParseArgsConfig>(command: string, help: string, config: T): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    usageError(command, `${(error as Error).message}\n\n${help}`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(help);
    process.exit(0);
  }
  return parsed;
}
