import { mountPanel } from '../../ui/panel';
import { GasBridge, type ScriptRunner } from './bridge';

interface GoogleGlobal {
  google?: { script?: { run?: ScriptRunner } };
}

/** The sidebar served by HtmlService: the shared panel over google.script.run. */
function runner(): ScriptRunner | null {
  return (window as unknown as GoogleGlobal).google?.script?.run ?? null;
}

const root = document.getElementById('app') ?? document.body;
mountPanel(root, new GasBridge(runner));
