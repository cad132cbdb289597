import { DownloadUrls, READ_DELAY_MS } from '../../office-addin/object-urls';

/** The statistics download's blob: URL is revoked: at most one lives, and none after the pane closes. */
function setup(): {
  urls: DownloadUrls;
  live: Set<string>;
  run: () => void;
  delays: number[];
} {
  const live = new Set<string>();
  let n = 0;
  const tasks: Array<() => void> = [];
  const delays: number[] = [];
  const urls = new DownloadUrls(
    {
      createObjectURL: () => {
        n += 1;
        live.add(`blob:x/${n}`);
        return `blob:x/${n}`;
      },
      revokeObjectURL: (url) => live.delete(url),
    },
    (task, ms) => {
      tasks.push(task);
      delays.push(ms);
    },
  );
  return { urls, live, run: () => tasks.splice(0).forEach((t) => t()), delays };
}

const blob = (): Blob => new Blob(['x']);

describe('DownloadUrls', () => {
  it('revokes the previous URL when a new file is made', () => {
    const { urls, live } = setup();
    const first = urls.make(blob());
    const second = urls.make(blob());
    expect([...live]).toEqual([second]);
    expect(first).not.toBe(second);
  });

  it('revokes the clicked URL once read and gives the link a fresh one', () => {
    const { urls, live, run, delays } = setup();
    const url = urls.make(blob());
    const link = { href: url, setAttribute: (_: string, value: string) => (link.href = value) };
    urls.downloaded(link);
    expect(live.has(url)).toBe(true);
    expect(delays).toEqual([READ_DELAY_MS]);
    run();
    expect(live.has(url)).toBe(false);
    expect(link.href).not.toBe(url);
    expect([...live]).toEqual([link.href]);
  });

  it('gives the file behind the live URL only (IE 11 saves it with msSaveOrOpenBlob)', () => {
    const { urls } = setup();
    const file = blob();
    const url = urls.make(file);
    expect(urls.blobOf(url)).toBe(file);
    expect(urls.blobOf('blob:x/other')).toBeNull();
    urls.revoke();
    expect(urls.blobOf(url)).toBeNull();
  });

  it('leaves nothing alive when the pane goes away, and ignores links to other URLs', () => {
    const { urls, live, run } = setup();
    const url = urls.make(blob());
    urls.downloaded({ href: 'https://exemple.fr/', setAttribute: () => undefined });
    run();
    expect([...live]).toEqual([url]);
    urls.revoke();
    expect(live.size).toBe(0);
  });
});
