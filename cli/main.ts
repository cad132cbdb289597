import { readFileSync } from 'fs';
import { resolve } from 'path';
import { UsageError } from './args';
import { controleCommand } from './commands/controle';
import { demoCommand } from './commands/demo';
import { grillesCommand } from './commands/grilles';
import { lireCommand } from './commands/lire';
import { pdfCommand } from './commands/pdf';
import { statsCommand } from './commands/stats';
import { COMMAND_HELP, GENERAL_HELP } from './help';
import { processIo, type CliIo } from './io';
import { errorText } from './error-text';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  grilles: grillesCommand,
  controle: controleCommand,
  lire: lireCommand,
  stats: statsCommand,
  pdf: pdfCommand,
  demo: demoCommand,
};

function version(): string {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Runs one command; every failure becomes a French sentence and an exit code, never a stack trace. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  // --debug (anywhere) adds the technical detail of a failure, for whoever helps the user.
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (name === undefined || name === '--help' || name === '-h' || name === 'aide') {
    io.out(GENERAL_HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(version());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Commande inconnue : « ${name} ».\n\n${GENERAL_HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(COMMAND_HELP[name]);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\nAide : grilles-e4 ${name} --help`);
      return 2;
    }
    io.err(errorText(e, debug));
    return 2;
  }
}
