import './polyfills';
import type { Bridge } from '../ui/bridge';
import { mountPanel } from '../ui/panel';
import { OfficeBridge, XLSX_TYPE } from './bridge';
import { NOT_IN_EXCEL } from './features';

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
    downloadUrl: (bytes) => URL.createObjectURL(new Blob([bytes.slice().buffer], { type: XLSX_TYPE })),
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

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
