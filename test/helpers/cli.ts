import { copyFileSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import type { CliIo } from '../../cli/io';
import { main } from '../../cli/main';
import { rosterFixturePath } from './fixtures';

/** Runs the command line in-process in a temporary folder, capturing what it prints. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'grilles-cli-'));
}

/** Copies a shared roster fixture into `dir` (the fixtures are read-only) and returns its new name. */
export function copyFixture(name: string, dir: string): string {
  const target = join(dir, basename(name));
  copyFileSync(rosterFixturePath(name), target);
  return basename(name);
}

export async function runCli(argv: string[], cwd: string, now = '2026-03-01T10:00:00Z'): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    clock: () => new Date(now),
    cwd,
  };
  const code = await main(argv, io);
  return { code, out, err };
}
