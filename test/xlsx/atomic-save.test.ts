import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { spawnSync } from 'child_process';
import ts from 'typescript';
import { writeBytesAtomic, type AtomicIo } from '../../xlsx/files';
import { FileError } from '../../xlsx/fs-errors';
import { removeStaleTemps, tempOwner, tempPathFor } from '../../xlsx/temp-files';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'grilles-atomic-'));
}

const OLD = Buffer.from('ancien classeur, avec les notes saisies');
const NEW = new Uint8Array(Buffer.from('nouveau classeur'));

const real: AtomicIo = {
  writeFile: (p, d) => fs.writeFile(p, d),
  chmod: (p, m) => fs.chmod(p, m),
  rename: (a, b) => fs.rename(a, b),
  unlink: (p) => fs.unlink(p),
};

function fail(code: string): never {
  throw Object.assign(new Error(`${code}: simulated failure`), { code });
}

/** Every step of the save, and a failure injected before or after it. */
const FAULTS: Array<[string, AtomicIo]> = [
  ['before the temporary file is written', { ...real, writeFile: async () => fail('ENOSPC') }],
  [
    'half-way through the temporary file (disk full)',
    {
      ...real,
      writeFile: async (p, d) => {
        await fs.writeFile(p, d.subarray(0, 3));
        fail('ENOSPC');
      },
    },
  ],
  [
    'after the temporary file is written',
    {
      ...real,
      writeFile: async (p, d) => {
        await fs.writeFile(p, d);
        fail('EIO');
      },
    },
  ],
  ['at the chmod', { ...real, chmod: async () => fail('EPERM') }],
  [
    'after the chmod',
    {
      ...real,
      chmod: async (p, m) => {
        await fs.chmod(p, m);
        fail('EIO');
      },
    },
  ],
  ['at the rename', { ...real, rename: async () => fail('EBUSY') }],
  ['at the rename, with no error code', { ...real, rename: async () => Promise.reject(new Error('boom')) }],
];

describe('writeBytesAtomic under injected failures', () => {
  it.each(FAULTS)(
    'a failure %s leaves the previous file byte-identical and no temporary file',
    async (_step, io) => {
      const dir = tempDir();
      const path = join(dir, 'classe-grilles.xlsx');
      writeFileSync(path, OLD);
      chmodSync(path, 0o640);
      const error = await writeBytesAtomic(NEW, path, io).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileError);
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).not.toMatch(/simulated|boom|ENOSPC|EIO|EBUSY/);
      expect(readFileSync(path)).toEqual(OLD);
      expect(statSync(path).mode & 0o777).toBe(0o640);
      expect(readdirSync(dir)).toEqual(['classe-grilles.xlsx']);
    },
  );

  it('says « disque plein » for ENOSPC and « ouvert dans un autre programme » only for EBUSY', async () => {
    const dir = tempDir();
    const path = join(dir, 'classe.xlsx');
    writeFileSync(path, OLD);
    await expect(writeBytesAtomic(NEW, path, FAULTS[0][1])).rejects.toThrow(/disque est plein/);
    await expect(writeBytesAtomic(NEW, path, FAULTS[5][1])).rejects.toThrow(/ouvert dans un autre programme/);
    const perm = await writeBytesAtomic(NEW, path, FAULTS[3][1]).catch((e: Error) => e.message);
    expect(perm).toMatch(/permission/);
    if (process.platform !== 'win32') expect(perm).not.toMatch(/ouvert|verrouill/);
  });
});

describe('writeBytesAtomic', () => {
  it('keeps the permissions of the file it replaces', async () => {
    const dir = tempDir();
    const path = join(dir, 'classe.xlsx');
    writeFileSync(path, OLD);
    chmodSync(path, 0o604);
    await writeBytesAtomic(NEW, path);
    expect(readFileSync(path)).toEqual(Buffer.from(NEW));
    expect(statSync(path).mode & 0o777).toBe(0o604);
  });

  it('refuses a read-only file in French and leaves it as it was (mode 0444 kept)', async () => {
    const dir = tempDir();
    const path = join(dir, 'classe.xlsx');
    writeFileSync(path, OLD);
    chmodSync(path, 0o444);
    await expect(writeBytesAtomic(NEW, path)).rejects.toThrow(`Le fichier ${path} est en lecture seule`);
    expect(readFileSync(path)).toEqual(OLD);
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['classe.xlsx']);
  });

  it('says in French that the folder does not exist', async () => {
    const dir = tempDir();
    await expect(writeBytesAtomic(NEW, join(dir, 'absent', 'x.xlsx'))).rejects.toThrow(
      `Le dossier ${join(dir, 'absent')} n'existe pas`,
    );
  });

  it('names its temporary file after the target, the program and the process', () => {
    const temp = tempPathFor(join('/d', 'classe-grilles.xlsx'), 4242);
    expect(temp).toBe(join('/d', '~classe-grilles.xlsx.grilles-e4.4242.tmp'));
    expect(tempOwner('~classe-grilles.xlsx.grilles-e4.4242.tmp')).toBe(4242);
    expect(tempOwner('.classe-grilles.xlsx.4242.1767225600000.tmp')).toBe(4242);
    expect(tempOwner('~$classe-grilles.xlsx')).toBeNull();
    expect(tempOwner('notes.tmp')).toBeNull();
  });

  it('removes, on the next save, temporary files of ours left by a process that is gone', async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    const stale = [
      `~classe-grilles.xlsx.grilles-e4.${dead}.tmp`,
      `.classe-grilles.xlsx.${dead}.1767225600000.tmp`,
    ];
    const kept = [`~classe-grilles.xlsx.grilles-e4.${process.ppid}.tmp`, '~$classe-grilles.xlsx', 'a.tmp'];
    for (const name of [...stale, ...kept]) writeFileSync(join(dir, name), 'x');
    await writeBytesAtomic(NEW, join(dir, 'autre.xlsx'));
    expect(readdirSync(dir).sort()).toEqual([...kept, 'autre.xlsx'].sort());
    expect(await removeStaleTemps(dir)).toEqual([]);
  });
});

/** Compiles xlsx/temp-files.ts alone (it imports only Node) so that a child process can run it. */
function compiledTempFiles(dir: string): string {
  const source = readFileSync(join(__dirname, '../../xlsx/temp-files.ts'), 'utf8');
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  const path = join(dir, 'temp-files.js');
  writeFileSync(path, js);
  return path;
}

describe('an interrupted save', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('removes its temporary file on %s', (signal) => {
    const dir = tempDir();
    const module = compiledTempFiles(dir);
    const target = join(dir, 'classe-grilles.xlsx');
    writeFileSync(target, OLD);
    const child = `
      const fs = require('fs');
      const t = require(${JSON.stringify(module)});
      const temp = t.tempPathFor(${JSON.stringify(target)});
      t.trackTemp(temp);
      fs.writeFileSync(temp, 'moitié');
      if (!fs.existsSync(temp)) process.exit(3);
      process.kill(process.pid, '${signal}');
      setTimeout(() => process.exit(4), 5000);
    `;
    const run = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', timeout: 10000 });
    expect(run.signal).toBe(signal);
    expect(readdirSync(dir).sort()).toEqual(['classe-grilles.xlsx', 'temp-files.js']);
    expect(readFileSync(target)).toEqual(OLD);
  });
});
