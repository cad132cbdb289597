/**
 * How many tabs the next chunk asks for, knowing how many candidates remain: a tail of up to half a
 * chunk more is taken with it, so that the last chunk — which also writes « Suivi E4 », ~55 calls
 * whatever the class size — never carries a handful of tabs alone (it stays within 5 calls per tab
 * + 30; see the bench).
 */
export const TAIL_FACTOR = 1.5;

export function nextChunkSize(remaining: number, chunkSize: number): number {
  return remaining > chunkSize && remaining <= Math.floor(chunkSize * TAIL_FACTOR) ? remaining : chunkSize;
}
