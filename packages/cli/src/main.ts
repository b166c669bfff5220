import { Command, CommanderError, type Help } from 'commander';
import { referenceDisclosure } from '@yusuan/core';
import { runCatalog } from './commands/catalog.js';
import { runCheck, type CheckCommandOptions } from './commands/check.js';
import { runForms, type FormsCommandOptions } from './commands/forms.js';
import { runImport, type ImportCommandOptions } from './commands/import.js';
import { summarize } from './commands/summary.js';
import { runTemplate, type TemplateCommandOptions } from './commands/template.js';
import { InternalError, UserInputError } from './errors.js';
import { detectLang, t, type Lang } from './i18n.js';
import { readModelFile } from './model-file.js';

export { VERSION } from './version.js';
import { VERSION } from './version.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  outIsTTY?: boolean;
  errIsTTY?: boolean;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  // progress lines start with a carriage return and stay on their line
  err: (s) => process.stderr.write(s.startsWith('\r') || s.endsWith('\n') ? s : `${s}\n`),
  outIsTTY: process.stdout.isTTY === true,
  errIsTTY: process.stderr.isTTY === true,
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

  setup(program.command('check'))
    .description(t(lang, 'checkDescription'))
    .argument('<paths...>', t(lang, 'checkArg'))
    .option('-f, --format <format>', t(lang, 'optFormat'), 'stylish')
    .option('-o, --output <file>', t(lang, 'optOutput'))
    .option('--rule <id=severity>', t(lang, 'optRule'), (v: string, prev: string[] = []) => [...prev, v])
    .option('-c, --config <file>', t(lang, 'optConfig'))
    .option('--catalog <file>', t(lang, 'optCatalog'))
    .option('--max-warnings <n>', t(lang, 'optMaxWarnings'))
    .option('-q, --quiet', t(lang, 'optQuiet'))
    .option('--unit-name <name>', t(lang, 'optUnitName'))
    .option('--year <year>', t(lang, 'optYear'))
    .action(async (paths: string[], opts: CheckCommandOptions) => {
      exit.code = await runCheck(paths, opts, lang, io);
    });

  setup(program.command('import'))
    .description(t(lang, 'importDescription'))
    .argument('<text>', t(lang, 'importArg'))
    .option('-o, --output <file>', t(lang, 'optImportOutput'))
    .option('--force', t(lang, 'optForce'))
    .option('--unit-name <name>', t(lang, 'optUnitName'))
    .option('--year <year>', t(lang, 'optYear'))
    .action((input: string, opts: ImportCommandOptions) => {
      exit.code = runImport(input, opts, lang, io);
    });

  setup(program.command('forms'))
    .description(t(lang, 'formsDescription'))
    .argument('<input>', t(lang, 'formsArg'))
    .option('-o, --output <file>', t(lang, 'optFormsOutput'))
    .option('--force', t(lang, 'optForce'))
    .action(async (input: string, opts: FormsCommandOptions) => {
      exit.code = await runForms(input, opts, lang, io);
    });

  setup(program.command('template'))
    .description(t(lang, 'templateDescription'))
    .option('-o, --output <file>', t(lang, 'optTemplateOutput'))
    .option('--example', t(lang, 'optExample'))
    .option('--force', t(lang, 'optForce'))
    .action(async (opts: TemplateCommandOptions) => {
      exit.code = await runTemplate(opts, lang, io);
    });

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
      io.err(`yusuan: ${e.messageIn(lang)}`);
      return e.exitCode;
    }
    const message = e instanceof InternalError || e instanceof Error ? e.message : String(e);
    io.err(`yusuan: ${t(lang, 'internalError', { message })}`);
    if (process.env.YUSUAN_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return 3;
  }
}
