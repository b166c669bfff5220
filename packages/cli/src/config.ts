/**
 * Check configuration: yusuan.config.json (or --config FILE) and the command
 * line options, merged into core's CheckOptions. Severities follow ESLint's
 * words: off, warn (or warning), error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findRule, type SeveritySetting } from '@yusuan/core';
import { UserInputError } from './errors.js';
import { t, type Lang } from './i18n.js';

export const CONFIG_FILE = 'yusuan.config.json';

export interface CheckConfig {
  rules: Record<string, SeveritySetting>;
  catalog?: string;
  maxWarnings?: number;
}

function err(lang: Lang, id: Parameters<typeof t>[1], data: Record<string, string | number>): UserInputError {
  return new UserInputError({ 'zh-CN': t('zh-CN', id, data), en: t('en', id, data) });
}

export function parseSeverity(word: string): SeveritySetting | undefined {
  const w = word.trim().toLowerCase();
  if (w === 'off' || w === '0') return 'off';
  if (w === 'warn' || w === 'warning' || w === '1') return 'warning';
  if (w === 'error' || w === '2') return 'error';
  return undefined;
}

/** `ID=off|warn|error` pairs from the command line. */
export function parseRuleOptions(values: readonly string[], lang: Lang): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const v of values) {
    const i = v.lastIndexOf('=');
    const id = v.slice(0, i).trim();
    const sev = i > 0 ? parseSeverity(v.slice(i + 1)) : undefined;
    if (!sev || !id) throw err(lang, 'badRule', { value: v });
    if (!findRule(id) && !id.startsWith('parse/') && !id.startsWith('input/')) throw err(lang, 'unknownRule', { id });
    out[id] = sev;
  }
  return out;
}

/** Reads the configuration file named, or yusuan.config.json in the working directory when there is one. */
export function loadConfig(path: string | undefined, lang: Lang): CheckConfig {
  const file = path ?? (existsSync(CONFIG_FILE) ? CONFIG_FILE : undefined);
  if (!file) return { rules: {} };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const reason = e instanceof Error && 'code' in e && e.code === 'ENOENT' ? (lang === 'en' ? 'not found' : '文件不存在') : e instanceof Error ? e.message : String(e);
    throw err(lang, 'badConfig', { path: file, reason });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw err(lang, 'badConfig', { path: file, reason: lang === 'en' ? 'not a JSON object' : '不是 JSON 对象' });
  const o = json as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (o.rules !== undefined) {
    if (typeof o.rules !== 'object' || o.rules === null) throw err(lang, 'badConfig', { path: file, reason: '"rules"' });
    for (const [id, v] of Object.entries(o.rules)) {
      const sev = typeof v === 'string' || typeof v === 'number' ? parseSeverity(String(v)) : undefined;
      if (!sev) throw err(lang, 'badConfig', { path: file, reason: `"rules"."${id}": ${JSON.stringify(v)}` });
      if (!findRule(id) && !id.startsWith('parse/') && !id.startsWith('input/')) throw err(lang, 'unknownRule', { id });
      rules[id] = sev;
    }
  }
  const config: CheckConfig = { rules };
  if (typeof o.catalog === 'string') config.catalog = resolve(file, '..', o.catalog);
  if (typeof o.maxWarnings === 'number' && Number.isInteger(o.maxWarnings) && o.maxWarnings >= 0) config.maxWarnings = o.maxWarnings;
  return config;
}
