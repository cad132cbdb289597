/** Office.js failures, turned into sentences for the teacher (what, where, what to do). */

export function officeErrorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : null;
  }
  return null;
}

const SENTENCES: Record<string, string> = {
  ItemNotFound: "Un onglet a été supprimé ou renommé pendant l'opération. Relancez l'étape.",
  AccessDenied:
    'Excel refuse de modifier un onglet protégé ou un classeur en lecture seule. Ôtez la protection (onglet Révision) ou enregistrez une copie modifiable, puis relancez.',
  InvalidArgument:
    "Excel a refusé une valeur (nom d'onglet, plage ou format). Relancez ; si cela se reproduit, utilisez la ligne de commande.",
  // Batches are split and retried automatically: this reaches the teacher only when one tab alone is too large.
  RequestPayloadSizeLimitExceeded:
    'La demande envoyée à Excel est trop volumineuse, même découpée au plus petit. Utilisez Excel sur ordinateur ou la ligne de commande (grilles-e4).',
  ResponsePayloadSizeLimitExceeded:
    'Les onglets à lire sont trop volumineux pour Excel sur le web. Utilisez Excel sur ordinateur ou la ligne de commande.',
  EditModeCannotAcquireLock:
    "Excel est en cours de saisie dans une cellule. Validez la saisie (Entrée), puis relancez l'étape.",
  InvalidOperationInCellEditMode:
    "Excel est en cours de saisie dans une cellule. Validez la saisie (Entrée), puis relancez l'étape.",
};

export function frenchOfficeError(error: unknown): string {
  const code = officeErrorCode(error);
  if (code !== null && SENTENCES[code]) return SENTENCES[code];
  const detail = error instanceof Error ? error.message : String(error);
  return `Excel a refusé l'opération (${code ?? 'erreur inconnue'} : ${detail}). Relancez l'étape ; si cela se reproduit, utilisez la ligne de commande (grilles-e4).`;
}

/** An error whose message is already a French sentence for the panel. */
export class HostError extends Error {
  constructor(
    message: string,
    /** Tabs that exist because of the failed operation (complete ones only). */
    readonly created: string[] = [],
    readonly cause?: unknown,
  ) {
    super(message);
    // Compiled to ES5 for IE 11, `super` returns a plain Error: keep `instanceof HostError` true.
    Object.setPrototypeOf(this, HostError.prototype);
    this.name = 'HostError';
  }
}
