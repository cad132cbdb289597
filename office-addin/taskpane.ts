import './polyfills';
import { defaultSession } from '../core/referentiel/lookup';
import { mountFileMode, type FileModeHost } from '../ui/file-mode';
import { mountPanel } from '../ui/panel';
import { OfficeBridge, XLSX_TYPE } from './bridge';
import { MIN_EXCEL_API } from './features';
import { FILE_MODE_BROWSER, FILE_MODE_OLD_EXCEL, selectionReader } from './file-mode/host';
import { DownloadUrls } from './object-urls';

const downloads = new DownloadUrls(URL);
/** File mode offers several files at once: one live URL per file name. */
const fileDownloads = new Map<string, DownloadUrls>();

function fileUrls(name: string): DownloadUrls {
  let urls = fileDownloads.get(name);
  if (urls === undefined) {
    urls = new DownloadUrls(URL);
    fileDownloads.set(name, urls);
  }
  return urls;
}

/**
 * Task pane entry. office.js comes from Microsoft's CDN. In Excel with ExcelApi 1.8 the panel works in
 * the workbook; below it (Excel 2016), and outside Excel (office.js absent or blocked, another host),
 * the pane runs in file mode and says so.
 */
function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    mountFileMode(root, fileModeHost(FILE_MODE_BROWSER));
    return;
  }
  void Office.onReady().then((info) => {
    if (info.host !== Office.HostType.Excel) mountFileMode(root, fileModeHost(FILE_MODE_BROWSER));
    else if (!Office.context.requirements.isSetSupported('ExcelApi', MIN_EXCEL_API))
      mountFileMode(root, {
        ...fileModeHost(FILE_MODE_OLD_EXCEL),
        readSelection: selectionReader((batch) => Excel.run(batch)),
      });
    else mountPanel(root, excelBridge());
  });
}

function fileModeHost(reason: string): FileModeHost {
  return {
    reason,
    defaultSession: defaultSession(() => new Date()),
    engine: () => import(/* webpackChunkName: "fichier" */ './file-mode/engine'),
    download: (bytes, name) => fileUrls(name).make(new Blob([bytes.slice().buffer], { type: XLSX_TYPE })),
    clock: () => new Date(),
  };
}

function excelBridge(): OfficeBridge {
  return new OfficeBridge({
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    openWorkbook: (base64) => Excel.createWorkbook(base64),
    loadRenderer: async () =>
      (await import(/* webpackChunkName: "xlsx" */ '../xlsx/charts')).renderWithStatisticsCharts,
    downloadUrl: (bytes) => downloads.make(new Blob([bytes.slice().buffer], { type: XLSX_TYPE })),
  });
}

// Blob URLs hold the file in memory: revoked after a download and when the pane goes away.
document.addEventListener('click', (event) => {
  const link = downloadLink(event.target);
  if (link === null) return;
  if (saveInIe11(link)) {
    event.preventDefault();
    return;
  }
  downloads.downloaded(link);
  fileDownloads.forEach((urls) => urls.downloaded(link));
});
window.addEventListener('pagehide', () => {
  downloads.revoke();
  fileDownloads.forEach((urls) => urls.revoke());
});

/** IE 11 (Excel 2016/2019 panes) saves a Blob only through msSaveOrOpenBlob. True when it did. */
function saveInIe11(link: HTMLAnchorElement): boolean {
  const save = (navigator as Navigator & { msSaveOrOpenBlob?: (blob: Blob, name: string) => boolean })
    .msSaveOrOpenBlob;
  if (typeof save !== 'function') return false;
  const owners = [downloads, ...Array.from(fileDownloads.values())];
  for (const urls of owners) {
    const blob = urls.blobOf(link.href);
    if (blob !== null) {
      save.call(navigator, blob, link.getAttribute('download') || 'classeur.xlsx');
      return true;
    }
  }
  return false;
}

/** The download link a click landed in (IE 11 has no Element.closest). */
function downloadLink(target: EventTarget | null): HTMLAnchorElement | null {
  for (let node = target instanceof Node ? target : null; node !== null; node = node.parentNode)
    if (node instanceof HTMLAnchorElement && node.hasAttribute('download')) return node;
  return null;
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
