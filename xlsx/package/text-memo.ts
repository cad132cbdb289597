/**
 * Long texts decoded from a sheet's bytes, remembered by those bytes. The add-in's tabs repeat the same
 * labels (long référentiel wording) in every tab: decoding them again in each of 600 tabs cost more than
 * scanning the tabs, and made as many strings for the garbage collector. A text is a pure function of its
 * bytes, so a remembered one is handed back only after all its bytes compared equal.
 */

/** Shorter values are decoded faster than they are looked up. */
export const MEMO_MIN_BYTES = 24;
/** Longer values are rare (free text typed by a teacher): not kept, so the memo stays small. */
export const MEMO_MAX_BYTES = 512;
/** Slots of the memo (a power of two): at most SLOTS × MEMO_MAX_BYTES bytes and their texts are kept. */
const SLOTS = 2048;

const slotBytes: Array<Uint8Array | null> = new Array<Uint8Array | null>(SLOTS).fill(null);
const slotTexts: string[] = new Array<string>(SLOTS).fill('');

/** The slot of b[from, to): its length and up to 16 bytes spread over it (constant work per value). */
function slotOf(b: Uint8Array, from: number, to: number): number {
  const len = to - from;
  let hash = Math.imul(0x811c9dc5 ^ len, 0x01000193);
  const step = len >> 4 || 1;
  for (let i = from; i < to; i += step) hash = Math.imul(hash ^ b[i], 0x01000193);
  hash = Math.imul(hash ^ b[to - 1], 0x01000193);
  return (hash ^ (hash >>> 15)) & (SLOTS - 1);
}

/** Whether b[from, to) holds exactly the bytes of `kept`. */
function sameBytes(b: Uint8Array, from: number, to: number, kept: Uint8Array): boolean {
  if (kept.length !== to - from) return false;
  for (let i = 0; i < kept.length; i++) if (kept[i] !== b[from + i]) return false;
  return true;
}

/**
 * The text of b[from, to) as `decode` gives it, from the memo when the same bytes were decoded before
 * (values between MEMO_MIN_BYTES and MEMO_MAX_BYTES long); other values are decoded each time.
 */
export function memoText(
  b: Uint8Array,
  from: number,
  to: number,
  decode: (b: Uint8Array, from: number, to: number) => string,
): string {
  const len = to - from;
  if (len < MEMO_MIN_BYTES || len > MEMO_MAX_BYTES) return decode(b, from, to);
  const slot = slotOf(b, from, to);
  const kept = slotBytes[slot];
  if (kept !== null && sameBytes(b, from, to, kept)) return slotTexts[slot];
  const text = decode(b, from, to);
  slotBytes[slot] = new Uint8Array(b.subarray(from, to));
  slotTexts[slot] = text;
  return text;
}
