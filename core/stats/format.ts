/** French display of the few values the statistics write as text. */

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * « 28/05/2026 », from the local calendar date. Written as text rather than as a Date cell: hosts
 * convert Date cells through UTC differently, and an issue date must not shift by a day.
 */
export function frenchDate(date: Date): string {
  return `${twoDigits(date.getDate())}/${twoDigits(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** Lower-case ASCII words joined by '-', for a file name every mail client and OS accepts. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** « statistiques-E4-2026.xlsx », or « statistiques-E4-2026-lycee-jean-moulin.xlsx » with an établissement. */
export function statsFileName(session: number, etablissement?: string): string {
  const suffix = etablissement === undefined ? '' : slug(etablissement);
  return `statistiques-E4-${session}${suffix === '' ? '' : `-${suffix}`}.xlsx`;
}
