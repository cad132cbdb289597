/**
 * The blob: URL of the statistics download. A blob URL keeps its bytes in memory until it is revoked:
 * one live URL at most. A new file revokes the previous URL; a click on the link revokes its URL once
 * the browser has read it and puts a fresh one on the link (a second click still works); leaving the
 * pane revokes it.
 */
export interface UrlApi {
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
}

/** Time the browser gets to read the blob after the click before its URL is revoked. */
export const READ_DELAY_MS = 10_000;

export class DownloadUrls {
  private current: { url: string; blob: Blob } | null = null;

  constructor(
    private readonly api: UrlApi,
    private readonly later: (task: () => void, ms: number) => void = (task, ms) => void setTimeout(task, ms),
  ) {}

  /** A URL for the new file; the previous one is revoked. */
  make(blob: Blob): string {
    this.revoke();
    const url = this.api.createObjectURL(blob);
    this.current = { url, blob };
    return url;
  }

  /** After a click on a link to the live URL: revoke it once read, and give the link a fresh one. */
  downloaded(link: { href: string; setAttribute(name: string, value: string): void }): void {
    const clicked = this.current;
    if (clicked === null || link.href !== clicked.url) return;
    this.later(() => {
      if (this.current !== clicked) return;
      link.setAttribute('href', this.make(clicked.blob));
    }, READ_DELAY_MS);
  }

  /** The file behind the live URL, for IE 11's msSaveOrOpenBlob (it neither follows blob: links nor knows `download`). */
  blobOf(url: string): Blob | null {
    return this.current !== null && this.current.url === url ? this.current.blob : null;
  }

  revoke(): void {
    if (this.current !== null) this.api.revokeObjectURL(this.current.url);
    this.current = null;
  }
}
