import './polyfills';
import type { Bridge } from '../ui/bridge';
import { mountPanel } from '../ui/panel';
import { OfficeBridge, XLSX_TYPE } from './bridge';
import { NOT_IN_EXCEL } from './features';
import { DownloadUrls } from './object-urls';

const downloads = new DownloadUrls(URL);

/**
 * Task pane entry. office.js comes from Microsoft's CDN; when it is absent (blocked, plain browser) or
 * the host is not Excel, the panel only says where to open it.
 */
function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    mountPanel(root, unavailable(NOT_IN_EXCEL));
    return;
  }
  void Office.onReady().then((info) => {
    mountPanel(root, info.host === Office.HostType.Excel ? excelBridge() : unavailable(NOT_IN_EXCEL));
  });
}

function excelBridge(): Bridge {
  return new OfficeBridge({
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    openWorkbook: (base64) => Excel.createWorkbook(base64),
    loadRenderer: async () =>
      (await import(/* webpackChunkName: "xlsx" */ '../xlsx/render')).renderWorkbookSpec,
    downloadUrl: (bytes) => downloads.make(new Blob([bytes.slice().buffer], { type: XLSX_TYPE })),
  });
}

/** A bridge whose only answer is why the panel cannot work here. */
function unavailable(reason: string): Bridge {
  const refuse = (): Promise<never> => Promise.reject(new Error(reason));
  return {
    host: 'excel',
    unavailableReason: async () => reason,
    previewRoster: refuse,
    defaultSession: () => new Date().getFullYear(),
    generate: refuse,
    control: refuse,
    loadSettings: refuse,
    statistics: refuse,
    selectCell: refuse,
  };
}

// Blob URLs hold the file in memory: revoked after a download and when the pane goes away.
document.addEventListener('click', (event) => {
  const link = downloadLink(event.target);
  if (link !== null) downloads.downloaded(link);
});
window.addEventListener('pagehide', () => downloads.revoke());

/** The download link a click landed in (IE 11 has no Element.closest). */
function downloadLink(target: EventTarget | null): HTMLAnchorElement | null {
  for (let node = target instanceof Node ? target : null; node !== null; node = node.parentNode)
    if (node instanceof HTMLAnchorElement && node.hasAttribute('download')) return node;
  return null;
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
