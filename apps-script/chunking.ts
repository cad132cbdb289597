/**
 * How many tabs the next chunk asks for, knowing how many candidates remain: a tail of up to half a
 * chunk more is taken with it, so that a handful of tabs never costs a whole execution of its own
 * (the last chunk also writes « Suivi E4 »; it stays under 30 s modelled, see the bench).
 */
export const TAIL_FACTOR = 1.5;

export function nextChunkSize(remaining: number, chunkSize: number): number {
  return remaining > chunkSize && remaining <= Math.floor(chunkSize * TAIL_FACTOR) ? remaining : chunkSize;
}
