import { boxArea, parseRange } from '../core/spec/a1';
import type { CellValue } from '../core/spec/types';
import type { RangeRequest } from '../core/port';
import { officeErrorCode } from './errors';
import { LIMITS, type ExcelRunner } from './runner';

interface Target {
  index: number;
  sheet: string;
  range?: string;
  cells: number;
}

/**
 * Reads many rectangles in a constant number of syncs: sheet names (skipped when the caller knows
 * them), sizes of whole-sheet reads when there are many, then values in chunks sized in cells. A chunk
 * whose response is too large for Excel on the web is read again in halves.
 */
export async function readRanges(
  run: ExcelRunner,
  requests: RangeRequest[],
  knownSheets: string[],
): Promise<CellValue[][][]> {
  const results: CellValue[][][] = requests.map(() => []);
  const byKey = new Map(knownSheets.map((name) => [name.toLowerCase(), name]));
  const targets: Target[] = [];
  requests.forEach((request, index) => {
    const sheet = byKey.get(request.sheet.toLowerCase());
    if (sheet !== undefined)
      targets.push({
        index,
        sheet,
        range: request.range,
        cells: request.range ? boxArea(parseRange(request.range)) : 0,
      });
  });
  await sizeWholeSheets(
    run,
    targets.filter((t) => t.range === undefined),
  );
  for (const chunk of chunksByCells(targets, LIMITS.cellsPerRead)) await readChunk(run, chunk, results);
  return results;
}

/** From A1 to the end of the values (the used range alone may start further down). */
function wholeRange(ws: Excel.Worksheet): Excel.Range {
  return ws.getRange('A1').getBoundingRect(ws.getUsedRange(true));
}

/** One sync to learn the size of whole-sheet reads, only when there are enough of them to need chunks. */
async function sizeWholeSheets(run: ExcelRunner, targets: Target[]): Promise<void> {
  if (targets.length <= 4) {
    for (const t of targets) t.cells = 1;
    return;
  }
  await run(async (context) => {
    const ranges = targets.map((t) =>
      wholeRange(context.workbook.worksheets.getItem(t.sheet)).load('rowCount, columnCount'),
    );
    await context.sync();
    targets.forEach((t, i) => {
      t.cells = ranges[i].rowCount * ranges[i].columnCount;
    });
  });
}

function chunksByCells(targets: Target[], budget: number): Target[][] {
  const chunks: Target[][] = [];
  let current: Target[] = [];
  let cells = 0;
  for (const target of targets) {
    if (current.length > 0 && cells + target.cells > budget) {
      chunks.push(current);
      current = [];
      cells = 0;
    }
    current.push(target);
    cells += target.cells;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

async function readChunk(run: ExcelRunner, chunk: Target[], results: CellValue[][][]): Promise<void> {
  try {
    await run(async (context) => {
      const ranges = chunk.map((t) => {
        const ws = context.workbook.worksheets.getItem(t.sheet);
        return (t.range ? ws.getRange(t.range) : wholeRange(ws)).load('values');
      });
      await context.sync();
      chunk.forEach((t, i) => {
        results[t.index] = ranges[i].values as CellValue[][];
      });
    });
  } catch (error) {
    if (officeErrorCode(error) !== 'ResponsePayloadSizeLimitExceeded' || chunk.length === 1) throw error;
    const half = Math.ceil(chunk.length / 2);
    await readChunk(run, chunk.slice(0, half), results);
    await readChunk(run, chunk.slice(half), results);
  }
}
