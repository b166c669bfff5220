// The manifest, validated offline against the published XML schemas (xmllint,
// ../shared/office-xsd) and read by office-addin-manifest; the icons it names;
// the copy for another server; and the built dist/ it is shipped with.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { afterAll, describe, expect, it } from 'vitest';
import { ICON_SIZES, iconPng } from '../scripts/make-icons.mjs';
import { manifestFor } from '../scripts/manifest-for.mjs';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const MANIFEST = here('../manifest.xml');
/** CI keeps shared/ beside the repository: <repo>/../shared/office-xsd. */
const XSD = here('../../../../shared/office-xsd/OfficeAppManifestV1_1.xsd');
const xml = readFileSync(MANIFEST, 'utf8');

function xmllint(file: string): { status: number | null; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is needed to validate the manifest (apt-get install libxml2-utils): ${r.error.message}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const tmp = mkdtempSync(join(tmpdir(), 'yusuan-manifest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('manifest.xml', () => {
  it('is valid against the Office add-in manifest schema, offline', () => {
    expect(existsSync(XSD), `schemas expected at ${XSD}`).toBe(true);
    const r = xmllint(MANIFEST);
    expect(r.output).toContain('validates');
    expect(r.status).toBe(0);
  });

  it('is rejected by the same check when broken (the check is real)', () => {
    const broken = join(tmp, 'broken.xml');
    writeFileSync(broken, xml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>WriteEverything</Permissions>'));
    const r = xmllint(broken);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/Permissions/);
  });

  it('reads as a Chinese task pane add-in for Excel', async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.displayName).toBe('预算公开');
    expect(info.defaultLocale).toBe('zh-CN');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultSettings?.sourceLocation).toBe('https://localhost:3000/taskpane.html');
  });

  it('has the ribbon tab 预算公开 with 校验, 生成报表 and 显示面板, English overrides and ExcelApi 1.13', () => {
    expect(xml).toMatch(/<CustomTab id="Yusuan\.Tab">/);
    const strings = Object.fromEntries([...xml.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="([^"]+)"/g)].map((m) => [m[1], [m[2], m[3]]]));
    expect(strings['Tab.Label']).toEqual(['预算公开', 'Budget disclosure']);
    expect(strings['Validate.Label']).toEqual(['校验', 'Check']);
    expect(strings['Generate.Label']).toEqual(['生成报表', 'Generate forms']);
    expect(strings['ShowPane.Label']).toEqual(['显示面板', 'Show pane']);
    expect(xml).toMatch(/<FunctionName>validate<\/FunctionName>/);
    expect(xml).toMatch(/<FunctionName>generate<\/FunctionName>/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(xml).toMatch(/<DisplayName DefaultValue="预算公开">\s*<Override Locale="en-US"/);
    expect(xml).toMatch(/<VersionOverrides[^>]*>\s*<Requirements>\s*<bt:Sets DefaultMinVersion="1\.13">\s*<bt:Set Name="ExcelApi" MinVersion="1\.13"\/>/);
  });

  it('names icons of 16, 32 and 80 px that exist, and the pages the build writes', () => {
    const urls = [...xml.matchAll(/https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(new Set(urls)).toEqual(new Set(['icons/icon-16.png', 'icons/icon-32.png', 'icons/icon-64.png', 'icons/icon-80.png', 'taskpane.html', 'commands.html']));
    for (const u of urls) expect(existsSync(here(`../public/${u}`)), u).toBe(true);
  });

  it('can be moved to another https server, and stays valid', () => {
    const moved = manifestFor(xml, 'https://addins.example.gov.cn/yusuan');
    expect(moved).not.toContain('localhost');
    expect(moved).toContain('<SourceLocation DefaultValue="https://addins.example.gov.cn/yusuan/taskpane.html"/>');
    const file = join(tmp, 'moved.xml');
    writeFileSync(file, moved);
    expect(xmllint(file).status).toBe(0);
    expect(() => manifestFor(xml, 'http://intranet/yusuan/')).toThrow(/https/);
    expect(() => manifestFor(xml, 'not a url')).toThrow(/not a URL/);
  });

  it('writes the moved copy from the command line', () => {
    const out = join(tmp, 'cli.xml');
    execFileSync(process.execPath, [here('../scripts/manifest-for.mjs'), 'https://office.example.org/', '--out', out]);
    expect(readFileSync(out, 'utf8')).toContain('https://office.example.org/commands.html');
  });
});

describe('icons', () => {
  it('are the PNGs scripts/make-icons.mjs draws', () => {
    for (const size of ICON_SIZES) {
      const file = readFileSync(here(`../public/icons/icon-${size}.png`));
      expect(file.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([file.readUInt32BE(16), file.readUInt32BE(20)]).toEqual([size, size]);
      expect(file.equals(iconPng(size)), `public/icons/icon-${size}.png is stale: node scripts/make-icons.mjs`).toBe(true);
    }
  });
});

describe('dist/', () => {
  it('holds everything a web server needs to host the add-in', () => {
    for (const f of ['taskpane.html', 'taskpane.js', 'taskpane.css', 'commands.html', 'commands.js', 'result.html', 'manifest.xml', 'icons/icon-16.png', 'icons/icon-32.png', 'icons/icon-80.png']) {
      expect(existsSync(here(`../dist/${f}`)), `dist/${f} (build first)`).toBe(true);
    }
    expect(readFileSync(here('../dist/manifest.xml'), 'utf8')).toBe(xml);
    const html = readFileSync(here('../dist/taskpane.html'), 'utf8');
    expect(html).toContain('<script defer src="taskpane.js"></script>');
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  });
});
