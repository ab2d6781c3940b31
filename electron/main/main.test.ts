// Electron main with Electron mocked (as Electron Fiddle tests it): the exact-origin check, the
// window and session handlers, the IPC sender checks, handles issued from dialogs and drops,
// and the menu's commands.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const electron = vi.hoisted(() => ({
  ipcOn: new Map<string, (...args: unknown[]) => unknown>(),
  ipcHandle: new Map<string, (...args: unknown[]) => unknown>(),
  template: [] as {
    label?: string;
    submenu?: { label?: string; accelerator?: string; click?: () => void }[];
  }[],
  openDialog: vi.fn(),
  saveDialog: vi.fn(),
}));

vi.mock('electron', () => ({
  ipcMain: {
    on: (channel: string, listener: (...args: unknown[]) => unknown) =>
      electron.ipcOn.set(channel, listener),
    handle: (channel: string, listener: (...args: unknown[]) => unknown) =>
      electron.ipcHandle.set(channel, listener),
  },
  BrowserWindow: { getFocusedWindow: () => null, getAllWindows: () => [] },
  dialog: {
    showOpenDialog: electron.openDialog,
    showSaveDialog: electron.saveDialog,
    showMessageBox: vi.fn(),
    showMessageBoxSync: vi.fn(),
  },
  Menu: {
    buildFromTemplate: (template: typeof electron.template) => {
      electron.template = template;
      return template;
    },
    setApplicationMenu: vi.fn(),
  },
  app: { isPackaged: false },
  net: { fetch: vi.fn() },
  protocol: { handle: vi.fn() },
}));

const { isTrustedUrl, hardenWindow, hardenSession } = await import('./security');
const { bindIpc, WindowSessions } = await import('./ipc');
const { pickFiles } = await import('./dialogs');
const { buildMenu } = await import('./menu');
const { acceleratorOf } = await import('./accelerators');
const { keymap } = await import('../../core/protocol/keymap');
const { launchArguments } = await import('./launch-arguments');
const { createComputePool } = await import('../services/create-pool');
const { ComputeService } = await import('../services/compute-service');
const { CheckpointService } = await import('../services/checkpoint-service');
const { DocumentService } = await import('../services/document-service');
const { hostLimits } = await import('../services/host-settings');

const dev = 'http://localhost:5173';

describe('the page’s origin, matched exactly', () => {
  it('trusts the app’s scheme and the dev server’s exact origin only', () => {
    expect(isTrustedUrl('rankscope://app/index.html')).toBe(true);
    expect(isTrustedUrl('rankscope://other/index.html')).toBe(false);
    expect(isTrustedUrl('rankscope://evil@app/index.html')).toBe(false);
    expect(isTrustedUrl(`${dev}/`, dev)).toBe(true);
    expect(isTrustedUrl(`${dev}/src/main.tsx?x=1`, dev)).toBe(true);
    for (const url of [
      'http://localhost:5173.evil.tld/',
      'http://localhost:51730/',
      'https://localhost:5173/',
      'http://localhost:5173@evil.tld/',
      'http://user@localhost:5173/',
      'file:///etc/passwd',
      'not a url',
      '',
    ])
      expect(isTrustedUrl(url, dev), url).toBe(false);
    expect(isTrustedUrl(`${dev}/`)).toBe(false);
  });
});

/** A fake webContents recording its handlers. */
function fakeContents(id = 1) {
  const handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  const sent: [string, unknown][] = [];
  const contents = {
    id,
    sent,
    destroyed: false,
    openHandler: undefined as undefined | (() => { action: string }),
    setWindowOpenHandler(handler: () => { action: string }) {
      contents.openHandler = handler;
    },
    on(name: string, handler: (...args: unknown[]) => void) {
      handlers.set(name, [...(handlers.get(name) ?? []), handler]);
      return contents;
    },
    once(name: string, handler: (...args: unknown[]) => void) {
      return contents.on(name, handler);
    },
    emit(name: string, ...args: unknown[]) {
      for (const handler of handlers.get(name) ?? []) handler(...args);
    },
    send(channel: string, value: unknown) {
      sent.push([channel, value]);
    },
    isDestroyed: () => contents.destroyed,
  };
  return contents;
}

function navigation(url: string) {
  let prevented = false;
  return { event: { preventDefault: () => (prevented = true) }, url, prevented: () => prevented };
}

describe('window and session handlers', () => {
  it('deny new windows, navigation away, redirects away and webviews', () => {
    const contents = fakeContents();
    hardenWindow({ webContents: contents } as never, dev);
    expect(contents.openHandler!()).toEqual({ action: 'deny' });
    for (const [name, url, expected] of [
      ['will-navigate', 'https://evil.example/', true],
      ['will-navigate', 'http://localhost:5173.evil.tld/', true],
      ['will-navigate', `${dev}/index.html`, false],
      ['will-redirect', 'https://evil.example/', true],
      ['will-navigate', 'rankscope://app/index.html', false],
    ] as const) {
      const attempt = navigation(url);
      contents.emit(name, attempt.event, url);
      expect(attempt.prevented(), `${name} ${url}`).toBe(expected);
    }
    const webview = navigation('');
    contents.emit('will-attach-webview', webview.event);
    expect(webview.prevented()).toBe(true);
  });

  it('refuse every permission request and check but full screen for the app itself', () => {
    let requestHandler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl: string },
    ) => void = () => {};
    let checkHandler: () => boolean = () => true;
    hardenSession({
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
    } as never);
    const app = { requestingUrl: 'rankscope://app/index.html' };
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const granted = vi.fn();
      requestHandler({}, permission, granted, app);
      expect(granted).toHaveBeenCalledWith(false);
    }
    // Presenter mode's full screen: the app's page may, a page from elsewhere may not.
    for (const [requestingUrl, expected] of [
      ['rankscope://app/index.html', true],
      ['https://evil.example/', false],
      ['rankscope://other/index.html', false],
    ] as const) {
      const granted = vi.fn();
      requestHandler({}, 'fullscreen', granted, { requestingUrl });
      expect(granted, requestingUrl).toHaveBeenCalledWith(expected);
    }
    expect(checkHandler()).toBe(false);
  });
});

describe('IPC: sender checks, sessions, and handles from dialogs and drops', () => {
  const pool = createComputePool(import.meta.url, { size: 1 });
  afterAll(() => pool.close());
  const folder = mkdtempSync(path.join(os.tmpdir(), 'rankscope-main-'));
  const chosen = path.join(folder, 'chosen.csv');
  writeFileSync(chosen, '1,2\n2,4\n');
  const compute = new ComputeService(pool, 'electron', hostLimits({}));
  const documents = new DocumentService(pool, path.join(folder, 'data'), compute.budget);
  const sessions = new WindowSessions({
    compute,
    documents,
    checkpoints: new CheckpointService(compute),
    pickFiles,
  });
  bindIpc(sessions, undefined);
  const request = electron.ipcOn.get('rankscope:request')!;
  const dropped = electron.ipcHandle.get('rankscope:dropped')!;

  beforeEach(() => {
    electron.openDialog.mockReset();
    electron.saveDialog.mockReset();
  });

  /** Sends one envelope as a frame at `url`, and waits for the reply. */
  async function call(contents: ReturnType<typeof fakeContents>, url: string, message: unknown) {
    const before = contents.sent.length;
    request({ senderFrame: { url }, sender: contents }, message);
    for (let k = 0; k < 200 && contents.sent.length === before; k++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return contents.sent.at(-1)?.[1] as Record<string, unknown> | undefined;
  }

  it('ignores requests from a frame that is not the app, answering nothing', async () => {
    const contents = fakeContents(11);
    request(
      { senderFrame: { url: 'https://evil.example/' }, sender: contents },
      { id: 1, method: 'info', args: [] },
    );
    request({ senderFrame: null, sender: contents }, { id: 2, method: 'info', args: [] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(contents.sent).toEqual([]);
    expect(sessions.size).toBe(0);
    await expect(
      dropped({ senderFrame: { url: 'https://evil.example/' }, sender: contents }, [chosen]),
    ).rejects.toMatchObject({ name: 'Untrusted' });
  });

  it('answers the app’s envelopes on its reply channel, malformed ones with a named error', async () => {
    const contents = fakeContents(12);
    expect(
      await call(contents, 'rankscope://app/index.html', { id: 1, method: 'info', args: [] }),
    ).toMatchObject({
      id: 1,
      result: { host: 'electron', nativeDialogs: true },
    });
    expect(contents.sent[0][0]).toBe('rankscope:reply');
    expect(
      await call(contents, 'rankscope://app/index.html', {
        id: 2,
        method: 'resolvePath',
        args: [{ path: '/etc/passwd', mode: 'open', purpose: 'matrix' }],
      }),
    ).toMatchObject({
      id: 2,
      error: { name: 'Unsupported' },
    });
    expect(await call(contents, 'rankscope://app/index.html', 'junk')).toMatchObject({
      id: null,
      error: { name: 'InvalidRequest' },
    });
  });

  it('issues handles for what the dialog returns, names only, and they die with the window', async () => {
    const contents = fakeContents(13);
    const url = 'rankscope://app/index.html';
    electron.openDialog.mockResolvedValue({ canceled: false, filePaths: [chosen] });
    const picked = await call(contents, url, {
      id: 1,
      method: 'pickFiles',
      args: [{ mode: 'open', purpose: 'matrix' }],
    });
    expect(picked).toMatchObject({
      id: 1,
      result: [{ name: 'chosen.csv', kind: 'file', size: 8 }],
    });
    expect(JSON.stringify(picked)).not.toContain(folder);
    const handle = (picked!.result as { handle: string }[])[0].handle;
    expect(
      await call(contents, url, { id: 2, method: 'importMatrix', args: [{ file: handle }] }),
    ).toMatchObject({
      result: {
        cells: [
          ['1', '2'],
          ['2', '4'],
        ],
      },
    });
    // Another window cannot use it.
    const other = fakeContents(14);
    expect(
      await call(other, url, { id: 1, method: 'importMatrix', args: [{ file: handle }] }),
    ).toMatchObject({
      error: { name: 'UnknownHandle' },
    });
    // Cancelled dialogs give null; a save dialog asks before overwriting and takes a name only.
    electron.saveDialog.mockResolvedValue({ canceled: true });
    expect(
      await call(contents, url, {
        id: 3,
        method: 'pickFiles',
        args: [{ mode: 'save', purpose: 'project', suggestedName: '/etc/cron.d/x.rankscope' }],
      }),
    ).toMatchObject({ result: null });
    expect(electron.saveDialog.mock.calls[0][0]).toMatchObject({
      defaultPath: 'x.rankscope',
      properties: expect.arrayContaining(['showOverwriteConfirmation']),
    });
    // The window reloads: its handles end.
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(
      await call(contents, url, { id: 4, method: 'importMatrix', args: [{ file: handle }] }),
    ).toMatchObject({
      error: { name: 'UnknownHandle' },
    });
  });

  it('offers every checkpoint format in the weights dialog, and reads a chosen folder of shards', async () => {
    const contents = fakeContents(16);
    const url = 'rankscope://app/index.html';
    const shown = async (id: number, mode: string, purpose: string) => {
      electron.openDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
      await call(contents, url, { id, method: 'pickFiles', args: [{ mode, purpose }] });
      return electron.openDialog.mock.calls.at(-1)![0] as {
        filters?: { name: string; extensions: string[] }[];
        properties: string[];
      };
    };
    // The first filter is the one a dialog shows: a GGUF, a PyTorch file, an ONNX model or a
    // shard index must not hide behind it, nor a saved report behind the report dialog's.
    const weights = await shown(1, 'open', 'weights');
    expect(weights.filters![0].extensions).toEqual(
      expect.arrayContaining(['safetensors', 'json', 'gguf', 'pt', 'bin', 'onnx', 'npz', 'npy']),
    );
    expect((await shown(2, 'open', 'report')).filters![0].extensions).toEqual(['jsonl']);
    expect((await shown(3, 'open', 'matrix')).filters![0].extensions).toEqual(
      expect.arrayContaining(['csv', 'tsv', 'mtx', 'npy', 'safetensors', 'tex']),
    );
    const folderDialog = await shown(4, 'folder', 'weights');
    expect(folderDialog.properties).toEqual(['openDirectory']);
    expect(folderDialog.filters).toBeUndefined();

    // A folder the person chose: a folder handle, its name only, and the shards read through it.
    const shards = path.resolve(import.meta.dirname, '../../core/weights/fixtures/sharded');
    electron.openDialog.mockResolvedValueOnce({ canceled: false, filePaths: [shards] });
    const picked = await call(contents, url, {
      id: 5,
      method: 'pickFiles',
      args: [{ mode: 'folder', purpose: 'weights' }],
    });
    expect(picked).toMatchObject({ result: [{ name: 'sharded', kind: 'folder' }] });
    expect(JSON.stringify(picked)).not.toContain(path.dirname(shards));
    const handle = (picked!.result as { handle: string }[])[0].handle;
    request(
      { senderFrame: { url }, sender: contents },
      { id: 6, method: 'analyzeCheckpoint', args: [{ source: handle, passes: ['quick'] }] },
    );
    let reply: { result?: { report: string; failures: number }; error?: unknown } | undefined;
    for (let k = 0; k < 1000 && !reply; k++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      reply = contents.sent
        .map(([, message]) => message as { id?: number; result?: never; error?: unknown })
        .find((message) => message.id === 6 && ('result' in message || 'error' in message));
    }
    expect(reply?.error).toBeUndefined();
    expect(reply?.result?.failures).toBe(0);
    const rows = reply!
      .result!.report.trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { name?: string });
    // The four matrices of the two shards (the norm's vector is not a matrix).
    expect(rows.filter((row) => row.name).map((row) => row.name)).toEqual(
      expect.arrayContaining([
        'embed.weight',
        'layers.0.attn.weight',
        'layers.0.mlp.up.weight',
        'layers.0.mlp.down.weight',
        'lm_head.weight',
      ]),
    );
    expect(reply!.result!.report).not.toContain(path.dirname(shards));
  });

  it('issues handles for dropped files that exist, to that window only', async () => {
    const contents = fakeContents(15);
    const issued = (await dropped(
      { senderFrame: { url: 'rankscope://app/index.html' }, sender: contents },
      [chosen, path.join(folder, 'missing.csv')],
    )) as { handle: string; name: string }[];
    expect(issued.map((item) => item.name)).toEqual(['chosen.csv']);
    expect(
      await call(contents, 'rankscope://app/index.html', {
        id: 1,
        method: 'importMatrix',
        args: [{ file: issued[0].handle }],
      }),
    ).toMatchObject({ result: { rows: 2 } });
    await expect(
      dropped(
        { senderFrame: { url: 'rankscope://app/index.html' }, sender: contents },
        'not a list',
      ),
    ).rejects.toMatchObject({ name: 'InvalidRequest' });
  });
});

describe('the application menu', () => {
  it('sends each command once to the page', () => {
    const send = vi.fn();
    buildMenu(
      { info: () => ({ versions: {}, version: '0', workers: 1, cores: 1 }) as never },
      send,
    );
    const file = electron.template.find((menu) => menu.label === 'File')!;
    const edit = electron.template.find((menu) => menu.label === 'Edit')!;
    const click = (menu: typeof file, label: string) =>
      menu.submenu!.find((item) => item.label === label)!.click!();
    click(file, 'Save');
    click(file, 'Open…');
    click(file, 'Import Matrix…');
    click(edit, 'Undo');
    const view = electron.template.find((menu) => menu.label === 'View')!;
    click(view, 'Present');
    click(file, 'New Worksheet…');
    expect(send.mock.calls).toEqual([
      ['save'],
      ['open'],
      ['import'],
      ['undo'],
      ['present'],
      ['worksheet'],
    ]);
  });
  it('takes every accelerator from the keymap the page answers and names', () => {
    const send = vi.fn();
    buildMenu(
      { info: () => ({ versions: {}, version: '0', workers: 1, cores: 1 }) as never },
      send,
    );
    const accelerators = new Map<string, string | undefined>();
    for (const item of electron.template.flatMap((menu) => menu.submenu ?? [])) {
      if (!item.click) continue;
      send.mockClear();
      item.click();
      const sent = send.mock.calls[0]?.[0] as string | undefined;
      if (sent !== undefined) accelerators.set(sent, item.accelerator);
    }
    expect([...accelerators.keys()].sort()).toEqual([
      'import',
      'new',
      'open',
      'open-recent',
      'present',
      'redo',
      'revert',
      'save',
      'save-as',
      'undo',
      'worksheet',
    ]);
    for (const [command, accelerator] of accelerators) {
      const binding = keymap.find((candidate) => candidate.command === command);
      // The chord Help and the buttons' titles name first; none for a command without keys.
      expect(accelerator, command).toBe(binding ? acceleratorOf(binding.chords[0]) : undefined);
    }
    // Ctrl+N opens a browser window in the web host, so New is Ctrl+Shift+N in both hosts.
    expect(accelerators.get('new')).toBe('CmdOrCtrl+Shift+N');
    expect(accelerators.get('redo')).toBe('CmdOrCtrl+Shift+Z');
    expect(accelerators.get('present')).toBe('F5');
    expect(accelerators.get('revert')).toBeUndefined();
    const shown = [...accelerators.values()].filter(Boolean);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('writes chords as Electron names keys', () => {
    expect(acceleratorOf({ key: 's', modifier: 'primary', shift: true })).toBe('CmdOrCtrl+Shift+S');
    expect(acceleratorOf({ key: 'y', modifier: 'ctrl', shift: false })).toBe('Ctrl+Y');
    expect(acceleratorOf({ key: 'ArrowRight', modifier: 'none', shift: 'any' })).toBe('Right');
    expect(acceleratorOf({ key: ' ', modifier: 'none', shift: 'any' })).toBe('Space');
    expect(acceleratorOf({ key: 'Escape', modifier: 'none', shift: 'any' })).toBe('Esc');
    expect(acceleratorOf({ key: 'PageDown', modifier: 'none', shift: 'any' })).toBe('PageDown');
  });
});

describe('launch arguments', () => {
  it('takes files, not Chromium switches, in development and packaged', () => {
    expect(
      launchArguments(['electron', '.', 'a.csv', '--inspect=9229', 'b.rankscope'], false),
    ).toEqual({
      files: ['a.csv', 'b.rankscope'],
    });
    expect(launchArguments(['Rankscope', '--memory-budget', '4GiB', 'w.npy'], true)).toEqual({
      files: ['w.npy'],
      memoryBudget: '4GiB',
    });
  });
});
