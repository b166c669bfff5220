/**
 * CLI language: Chinese by default; English with `--lang en` or an English LANG
 * (LANG=en_US.UTF-8). Every user-facing string of the CLI goes through `t`.
 */
export type Lang = 'zh-CN' | 'en';

export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const arg = i < 0 ? undefined : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  const pick = (v: string | undefined) => (v === undefined ? undefined : /^en/i.test(v) ? 'en' : /^zh/i.test(v) ? 'zh-CN' : undefined);
  return pick(arg) ?? pick(env.YUSUAN_LANG) ?? pick(env.LC_ALL) ?? pick(env.LANG) ?? 'zh-CN';
}

type Entry = readonly [zh: string, en: string];

const MESSAGES = {
  description: ['预算公开检查与生成工具：校验部门预算公开的 12 张表、绩效目标表与说明，生成标准表格。', 'Check and generate Chinese departmental budget disclosures (部门预算公开).'],
  optLang: ['界面语言：zh-CN（默认）或 en', 'language: zh-CN (default) or en'],
  optVersion: ['显示版本号', 'print the version'],
  optHelp: ['显示帮助', 'show help'],
  helpCommand: ['显示某个命令的帮助', 'show help for a command'],
  usage: ['用法：', 'Usage:'],
  commands: ['命令：', 'Commands:'],
  options: ['选项：', 'Options:'],
  arguments: ['参数：', 'Arguments:'],
  summaryDescription: ['显示一份预算公开模型的摘要（默认：内置的参考公开文件）', 'print a summary of a disclosure model (default: the bundled reference document)'],
  summaryArg: ['模型 JSON 文件；省略时使用内置参考文件', 'a model JSON file; the bundled reference when omitted'],
  catalogDescription: ['按编码或名称查询支出功能分类、部门/政府经济分类科目', 'look up function and economic classification subjects by code or name'],
  catalogArg: ['科目编码（如 2080107）或名称（如 信息化建设）', 'a code (e.g. 2080107) or a name (e.g. 信息化建设)'],
  optCatalogFile: ['用户提供的科目表（CSV 或 .xlsx），扩充内置科目表', 'a user catalogue (CSV or .xlsx) extending the bundled one'],
  optCatalogReplace: ['用用户科目表替换（而不是扩充）内置科目表', 'replace the bundled catalogue instead of extending it'],
  catalogNone: ['未找到科目：{query}（内置科目表只含部分科目，未收录不代表编码错误；可用 --catalog 加载完整科目表）', 'no subject found: {query} (the bundled catalogue is partial; a missing code is not a wrong one — load the full catalogue with --catalog)'],
  catalogMalformed: ['“{query}”不是有效的科目编码（功能分类 3/5/7 位，经济分类 3/5 位）', '"{query}" is not a valid subject code (function 3/5/7 digits, economic 3/5)'],
  colCode: ['编码', 'code'],
  colName: ['名称', 'name'],
  colLevel: ['级次', 'level'],
  colKind: ['分类', 'classification'],
  colParents: ['上级', 'parents'],
  kindFunction: ['支出功能分类', 'function'],
  kindEconomicDepartment: ['部门预算支出经济分类', 'economic (department)'],
  kindEconomicGovernment: ['政府预算支出经济分类', 'economic (government)'],
  catalogProvenance: ['内置科目表为经核实的部分科目（{count} 个），来源见 packages/core/data/catalog/SOURCES.md', 'the bundled catalogue is a verified partial subset ({count} codes); see packages/core/data/catalog/SOURCES.md'],
  unknownCommand: ['未知命令：{name}。运行 yusuan --help 查看可用命令。', 'unknown command: {name}. Run yusuan --help for the commands.'],
  fileNotFound: ['找不到文件：{path}', 'file not found: {path}'],
  notJson: ['不是有效的 JSON 文件：{path}（{reason}）', 'not a valid JSON file: {path} ({reason})'],
  invalidModel: ['模型文件不符合预算公开模型（{count} 处问题）：', 'the file is not a valid disclosure model ({count} issues):'],
  internalError: ['内部错误（请报告此问题）：{message}', 'internal error (please report it): {message}'],
  summaryTitle: ['{name} {year}年部门预算', '{name}: budget {year}'],
  summaryUnitKind: ['单位性质：{kind}单位；金额单位：{unit}', 'unit kind: {kind}; amounts in {unit}'],
  summaryIncome: ['收入总计', 'total income'],
  summaryExpense: ['支出总计', 'total expenditure'],
  summaryBasic: ['基本支出', 'basic expenditure'],
  summaryProject: ['项目支出', 'project expenditure'],
  summaryGpb: ['一般公共预算', 'general public budget'],
  summaryProcurement: ['政府采购', 'government procurement'],
  summaryForms: ['报表：{present}/12 张（无数据并附说明的：{empty}）', 'forms: {present}/12 ({empty} empty with a note)'],
  summaryProjects: ['项目（{count} 个）', 'projects ({count})'],
  summaryPerformance: ['绩效目标表：{tables} 张，绩效指标 {indicators} 个', 'performance tables: {tables}, {indicators} indicators'],
  colProject: ['项目名称', 'project'],
  colType: ['项目类型', 'type'],
  colTotal: ['合计', 'total'],
  colIndicators: ['指标数', 'indicators'],
  notStated: ['（未公开）', '(not published)'],
  summaryFooter: ['规则校验与报表生成将在后续版本提供；当前为参考模型摘要。', 'checks and form generation come next; this is a summary of the model.'],
  checkDescription: ['校验预算公开文件：报表工作簿（.xlsx）、底稿（.xlsx）、模型（.json）或公开文本（.txt）；可给出目录', 'check disclosures: forms workbooks (.xlsx), input workbooks (.xlsx), models (.json) or published texts (.txt); directories are searched'],
  checkArg: ['要校验的文件或目录', 'files or directories to check'],
  optFormat: ['输出格式：stylish（默认）、json、sarif、junit', 'output format: stylish (default), json, sarif, junit'],
  optOutput: ['把报告写入文件（默认输出到标准输出）', 'write the report to a file (default: standard output)'],
  optRule: ['设置规则的严重程度，如 --rule code/unknown=error（可重复）', 'set a rule severity, e.g. --rule code/unknown=error (repeatable)'],
  optConfig: ['配置文件（默认：当前目录下的 yusuan.config.json）', 'configuration file (default: yusuan.config.json in the current directory)'],
  optCatalog: ['官方科目表（CSV 或 .xlsx）：未收录的编码将作为错误报告', 'the official catalogue (CSV or .xlsx): unknown codes become errors'],
  optMaxWarnings: ['警告数超过 N 时以退出码 1 结束', 'exit with code 1 when there are more than N warnings'],
  optQuiet: ['只报告错误，不报告警告', 'report errors only, no warnings'],
  optUnitName: ['报表工作簿或公开文本中未写明时使用的单位名称', 'unit name to use where a forms workbook or a text does not state it'],
  optYear: ['报表工作簿或公开文本中未写明时使用的预算年度', 'budget year to use where a forms workbook or a text does not state it'],
  checkClean: ['未发现问题（{files} 个文件）', 'no problems ({files} files)'],
  checkTotals: ['✖ {problems} 个问题（{errors} 个错误，{warnings} 个警告）', '✖ {problems} problems ({errors} errors, {warnings} warnings)'],
  colFile: ['文件', 'file'],
  colErrors: ['错误', 'errors'],
  colWarnings: ['警告', 'warnings'],
  noInputs: ['没有找到可校验的文件（.xlsx、.json、.txt）：{paths}', 'no files to check (.xlsx, .json, .txt) in: {paths}'],
  badFormat: ['不支持的输出格式：{format}（可用：stylish、json、sarif、junit）', 'unknown format: {format} (stylish, json, sarif, junit)'],
  badRule: ['--rule 的写法应为 规则=off|warn|error，如 code/unknown=error：{value}', '--rule takes RULE=off|warn|error, e.g. code/unknown=error: {value}'],
  unknownRule: ['没有这条规则：{id}（规则列表见 docs/rules/）', 'no such rule: {id} (see docs/rules/)'],
  badMaxWarnings: ['--max-warnings 须为非负整数：{value}', '--max-warnings takes a non-negative integer: {value}'],
  badYear: ['--year 须为四位年份：{value}', '--year takes a four-digit year: {value}'],
  badConfig: ['配置文件无法使用：{path}（{reason}）', 'unusable configuration file: {path} ({reason})'],
  unsupportedFile: ['不支持的文件类型：{path}（可校验 .xlsx、.json、.txt）', 'unsupported file type: {path} (.xlsx, .json and .txt can be checked)'],
  unreadable: ['{path}：{reason}', '{path}: {reason}'],
  progress: ['[{i}/{n}] {file}', '[{i}/{n}] {file}'],
  wroteReport: ['报告已写入 {path}', 'report written to {path}'],
  formsDescription: ['由底稿（.xlsx）或模型（.json）生成 12 张公开表、绩效目标表和说明', 'generate the 12 forms, the performance tables and the narrative from an input workbook (.xlsx) or a model (.json)'],
  formsArg: ['底稿工作簿（yusuan template 生成）或模型 JSON 文件', 'an input workbook (see yusuan template) or a model JSON file'],
  optFormsOutput: ['要写入的报表工作簿（.xlsx）', 'the forms workbook to write (.xlsx)'],
  optForce: ['覆盖已存在的输出文件', 'overwrite an existing output file'],
  formsWritten: ['已生成 {count} 张表：{path}', 'wrote {count} sheets: {path}'],
  formsWrittenAnyway: ['底稿有 {errors} 个错误（见上），报表仍已生成，共 {count} 张表：{path}', 'the input workbook has {errors} errors (see above); wrote {count} sheets all the same: {path}'],
  formsUnsupported: ['不支持的输入文件：{path}（yusuan forms 读取底稿 .xlsx 或模型 .json）', 'unsupported input: {path} (yusuan forms reads an input workbook .xlsx or a model .json)'],
  formsNotInput: ['{path} 是报表工作簿，不是底稿：报表须由底稿或模型生成（yusuan template 生成底稿；校验报表请用 yusuan check）', '{path} is a forms workbook, not an input workbook: forms are generated from an input workbook or a model (yusuan template writes one; check forms with yusuan check)'],
  notInputWorkbook: ['{path} 不是底稿：没有底稿的工作表（{sheets}）；可用 yusuan template 生成底稿', '{path} is not an input workbook: it lacks the input sheets ({sheets}); yusuan template writes one'],
  templateDescription: ['生成底稿工作簿：空白模板，或填好参考单位数据的示例', 'write the input workbook (底稿): an empty template, or the reference unit as an example'],
  optTemplateOutput: ['要写入的底稿工作簿（.xlsx）', 'the input workbook to write (.xlsx)'],
  optExample: ['填入参考单位（内置参考公开文件）的数据', "fill in the reference unit's figures (the bundled reference disclosure)"],
  templateWritten: ['已生成底稿模板：{path}', 'wrote the input template: {path}'],
  templateExampleWritten: ['已生成底稿示例（参考单位）：{path}', 'wrote the example input workbook (reference unit): {path}'],
  outputRequired: ['请用 -o 指定要写入的文件，如 -o {example}', 'name the file to write with -o, e.g. -o {example}'],
  outputNotXlsx: ['输出文件须为 .xlsx：{path}', 'the output file must be an .xlsx: {path}'],
  outputExists: ['输出文件已存在：{path}（加 --force 覆盖）', 'the output file exists: {path} (add --force to overwrite it)'],
  outputIsDirectory: ['输出路径是一个目录：{path}', 'the output path is a directory: {path}'],
  notText: ['不是文本文件：{path}（请先把 PDF 或 Word 文件导出为 .txt）', 'not a text file: {path} (export the PDF or Word document as .txt first)'],
  importDescription: ['读取公开文本（PDF 或 Word 导出的 .txt），写出预算公开模型（.json）', "read a published disclosure's text (.txt exported from PDF or Word) into a model (.json)"],
  importArg: ['公开文本文件（.txt，UTF-8 或 GB18030 编码）', 'the published text (.txt, UTF-8 or GB18030)'],
  optImportOutput: ['要写入的模型文件（.json）', 'the model file to write (.json)'],
  outputNotJson: ['输出文件须为 .json：{path}', 'the output file must be a .json: {path}'],
  importNoTables: ['{path} 中没有找到可识别的预算表（按表名查找，如“收支总体情况表”），未写出模型', 'no table of the disclosure was found in {path} (tables are found by their titles, such as 收支总体情况表); no model written'],
  importNoTitle: ['{path} 中没有找到文件标题（如“2024年××部门预算”），单位名称或预算年度未能读入，未写出模型；可用 --unit-name、--year 补充', 'no document title (such as 2024年××部门预算) was found in {path}, so the unit’s name or the budget year is unknown; no model written (--unit-name and --year can supply them)'],
  importInvalid: ['{path} 读出的模型不完整，未写出（{where}：{message}）；可用 --unit-name、--year 补充', 'the model read from {path} is incomplete and was not written ({where}: {message}); --unit-name and --year can supply it'],
  importWritten: ['已读取 {tables} 张表、{performance} 张绩效目标表、说明中的 {figures} 个数字，模型已写入 {path}', 'read {tables} forms, {performance} performance tables and {figures} figures of the narrative; model written to {path}'],
  importFindings: ['读取时有 {count} 个问题（{errors} 个错误），运行 yusuan check {path} 查看', 'reading found {count} problems ({errors} errors); run yusuan check {path} to see them'],
} as const satisfies Record<string, Entry>;

export type MessageId = keyof typeof MESSAGES;

export function t(lang: Lang, id: MessageId, data: Record<string, string | number> = {}): string {
  const entry: Entry = MESSAGES[id];
  const template = lang === 'en' ? entry[1] : entry[0];
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}
