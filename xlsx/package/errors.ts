/**
 * A package that cannot be read or written, with the cause in French (without the file name: the caller,
 * who knows the file, adds it).
 */
export class PackageError extends Error {
  constructor(readonly cause_fr: string) {
    super(cause_fr);
    this.name = 'PackageError';
  }
}

export const RESAVE_ADVICE =
  'Ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format « Classeur Excel (.xlsx) », puis relancez.';

/** The French sentence for a file that cannot be read, naming it and the cause. */
export function unreadableFile(name: string, cause: string): string {
  return `Le fichier ${name} n'est pas un classeur .xlsx lisible : ${cause}. ${RESAVE_ADVICE}`;
}
