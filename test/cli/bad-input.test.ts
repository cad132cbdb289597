import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { zipSync } from 'fflate';
import { runCli, tempDir } from '../helpers/cli';
import { rosterFixturePath } from '../helpers/fixtures';

/** Files named .xlsx that are not readable workbooks: exit 2, a French sentence naming the file and the cause, nothing written. */

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function ole(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set(OLE_MAGIC);
  return bytes;
}

function ods(): Uint8Array {
  const enc = new TextEncoder();
  return zipSync(
    {
      mimetype: [enc.encode('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': enc.encode('<office:document-content/>'),
    },
    { level: 0 },
  );
}

describe('grilles-e4 on files that are not readable workbooks', () => {
  it.each([
    ['chiffre.xlsx', ole, /protégé par un mot de passe \(chiffré\) ou un ancien classeur Excel 97-2003/],
    ['renomme.xlsx', ods, /OpenDocument \(\.ods\) renommée/],
    [
      'abime.xlsx',
      () => new Uint8Array(readFileSync(rosterFixturePath('classe-ndrc2-ccf.xlsx'))).subarray(0, 5000),
      /archive zip|endommagée/,
    ],
    ['texte.xlsm', () => new TextEncoder().encode('pas un classeur'), /n'est pas une archive zip/],
  ])('%s: exit 2, the file and the cause named in French, nothing written', async (name, make, cause) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), make());
    for (const argv of [
      ['grilles', name],
      ['controle', name],
      ['lire', name, '--json'],
    ]) {
      const run = await runCli(argv, dir);
      expect(run.code).toBe(2);
      expect(run.err).toContain(`Le fichier ${name} n'est pas un classeur .xlsx`);
      expect(run.err).toMatch(cause);
      expect(run.err).not.toMatch(/TypeError|Cannot read|undefined/);
    }
    expect(readdirSync(dir)).toEqual([name]);
  });
});
