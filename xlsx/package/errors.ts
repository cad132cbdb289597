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
