import { Command, CommanderError, type Help } from 'commander';
import { referenceDisclosure } from '@yusuan/core';
import { runCatalog } from './commands/catalog.js';
import { summarize } from './commands/summary.js';
import { InternalError, UserInputError } from './errors.js';
import { detectLang, t, type Lang } from './i18n.js';
import { readModelFile } from './model-file.js';

export const VERSION = '0.1.0';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
};

function localizedHelp(lang: Lang) {
  const titles: Record<string, string> = {
    'Usage:': t(lang, 'usage'),
    'Options:': t(lang, 'options'),
    'Commands:': t(lang, 'commands'),
    'Arguments:': t(lang, 'arguments'),
  };
  return { styleTitle: (s: string) => titles[s] ?? s, sortSubcommands: false } satisfies Partial<Help>;
}

function buildProgram(lang: Lang, io: Io, exit: { code: number }): Command {
  const program = new Command('yusuan');
  const setup = (cmd: Command) =>
    cmd
      .exitOverride()
      .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
      .configureHelp(localizedHelp(lang))
      .helpOption('-h, --help', t(lang, 'optHelp'));
  setup(program)
    .description(t(lang, 'description'))
    .version(VERSION, '-V, --version', t(lang, 'optVersion'))
    .option('--lang <lang>', t(lang, 'optLang'))
    .helpCommand('help [command]', t(lang, 'helpCommand'))
    .showSuggestionAfterError(false);

  setup(program.command('summary'))
    .description(t(lang, 'summaryDescription'))
    .argument('[model]', t(lang, 'summaryArg'))
    .action((file: string | undefined) => {
      const model = file === undefined ? referenceDisclosure() : readModelFile(file, lang);
      io.out(summarize(model, lang));
    });

  setup(program.command('catalog'))
    .description(t(lang, 'catalogDescription'))
    .argument('<query>', t(lang, 'catalogArg'))
    .option('--catalog <file>', t(lang, 'optCatalogFile'))
    .option('--replace', t(lang, 'optCatalogReplace'))
    .action(async (query: string, opts: { catalog?: string; replace?: boolean }) => {
      exit.code = await runCatalog(query, opts, lang, io);
    });
  return program;
}

const COMMANDER_MESSAGES: Record<string, [string, string]> = {
  'commander.unknownOption': ['未知选项', 'unknown option'],
  'commander.unknownCommand': ['未知命令', 'unknown command'],
  'commander.missingArgument': ['缺少参数', 'missing argument'],
  'commander.excessArguments': ['参数过多', 'too many arguments'],
  'commander.optionMissingArgument': ['选项缺少取值', 'option needs a value'],
  'commander.invalidArgument': ['参数无效', 'invalid argument'],
};

/** Runs the CLI; returns the exit code (0 ok, 1 findings, 2 usage or unreadable input, 3 internal bug). */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const args = argv.slice(2);
  const lang = detectLang(args);
  const exit = { code: 0 };
  const program = buildProgram(lang, io, exit);
  try {
    if (args.filter((a) => !a.startsWith('--lang')).length === 0 && !args.includes('--help')) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(args, { from: 'user' });
    return exit.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      const label = COMMANDER_MESSAGES[e.code];
      const detail = e.message.replace(/^error:\s*/, '');
      io.err(`yusuan: ${label ? `${lang === 'en' ? label[1] : label[0]}（${detail}）` : detail}`);
      return 2;
    }
    if (e instanceof UserInputError) {
      io.err(`yusuan: ${e.message}`);
      return e.exitCode;
    }
    const message = e instanceof InternalError || e instanceof Error ? e.message : String(e);
    io.err(`yusuan: ${t(lang, 'internalError', { message })}`);
    if (process.env.YUSUAN_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return 3;
  }
}
