import { mkdirSync, mkdtempSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CSV_SHEET, openInput, saveAtomic, type AtomicIo } from '../../xlsx/files';
import { XlsxHost } from '../../xlsx/host';
import { plainSheet } from './sample-spec';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'grilles-files-'));
}

async function smallHost(value: string): Promise<XlsxHost> {
  const host = XlsxHost.empty();
  await host.apply({
    templates: {},
    add: [],
    updates: [],
    replace: [{ spec: plainSheet('S', [{ r: 1, c: 1, value }]), position: 'last' }],
  });
  return host;
}

describe('openInput', () => {
  it('reads a CSV roster into one « Liste » sheet where every value is text', async () => {
    const dir = tempDir();
    const path = join(dir, 'liste.csv');
    writeFileSync(path, Buffer.from('\uFEFFN°;NOM;Prénom\n0123;=1+1;Léa\n', 'utf8'));
    const input = await openInput(path);
    expect(input.kind).toBe('csv');
    expect(await input.host.listSheets()).toEqual([CSV_SHEET]);
    const [values] = await input.host.readRanges([{ sheet: CSV_SHEET }]);
    expect(values).toEqual([
      ['N°', 'NOM', 'Prénom'],
      ['0123', '=1+1', 'Léa'],
    ]);
  });

  it('reads an .xlsx file and keeps its bytes', async () => {
    const dir = tempDir();
    const path = join(dir, 'classe.xlsx');
    writeFileSync(path, await (await smallHost('x')).toBytes());
    const input = await openInput(path);
    expect(input.kind).toBe('xlsx');
    expect(input.bytes.length).toBe(readFileSync(path).length);
    expect(await input.host.readRanges([{ sheet: 'S' }])).toEqual([[['x']]]);
  });

  it('explains in French a missing file and an unsupported format', async () => {
    const dir = tempDir();
    await expect(openInput(join(dir, 'absent.xlsx'))).rejects.toThrow('est introuvable');
    writeFileSync(join(dir, 'vieux.xls'), 'x');
    await expect(openInput(join(dir, 'vieux.xls'))).rejects.toThrow('Format non pris en charge : vieux.xls');
  });
});

describe('saveAtomic', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const dir = tempDir();
    const path = join(dir, 'classe.xlsx');
    writeFileSync(path, 'ancien');
    await saveAtomic(await smallHost('nouveau'), path);
    expect(readdirSync(dir)).toEqual(['classe.xlsx']);
    const host = await XlsxHost.fromBytes(new Uint8Array(readFileSync(path)));
    expect(await host.readRanges([{ sheet: 'S' }])).toEqual([[['nouveau']]]);
  });

  it('leaves the original untouched when the rename fails (a folder stands in the way)', async () => {
    const dir = tempDir();
    const path = join(dir, 'classe.xlsx');
    mkdirSync(path);
    writeFileSync(join(path, 'dedans.txt'), 'original');
    await expect(saveAtomic(await smallHost('x'), path)).rejects.toThrow(
      `${path} est un dossier : indiquez un nom de fichier avec -o`,
    );
    expect(readFileSync(join(path, 'dedans.txt'), 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['classe.xlsx']);
  });

  it('says the file is open in Excel when the target is locked, and keeps the original', async () => {
    const dir = tempDir();
    const path = join(dir, 'classe.xlsx');
    writeFileSync(path, 'original');
    const removed: string[] = [];
    const locked: AtomicIo = {
      writeFile: async (p, d) => writeFileSync(p, d),
      chmod: async () => undefined,
      rename: async () => {
        throw Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' });
      },
      unlink: async (p) => {
        removed.push(p);
        unlinkSync(p);
      },
    };
    await expect(saveAtomic(await smallHost('x'), path, locked)).rejects.toThrow(
      `Le fichier ${path} est ouvert dans un autre programme (Excel ?) : fermez-le puis relancez.`,
    );
    expect(readFileSync(path, 'utf8')).toBe('original');
    expect(removed).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['classe.xlsx']);
  });
});
