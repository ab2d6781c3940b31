import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SENTINEL } from '@electron/fuses/dist/constants';
import { afterPack, applyFuses, readFuses } from './fuses';

/** A stand-in for an Electron binary: bytes around the fuse wire as Electron ships it. */
function fakeElectron(folder: string, name: string, wireLength = 8): string {
  const file = path.join(folder, name);
  const wire = Buffer.alloc(wireLength, 49); // every fuse as Electron ships it: on
  wire[4] = 48; // ASAR integrity ships off
  wire[5] = 48; // and so does "only load the app from ASAR"
  writeFileSync(
    file,
    Buffer.concat([
      randomish(4096),
      Buffer.from(SENTINEL),
      Buffer.from([1, wireLength]),
      wire,
      randomish(512),
    ]),
  );
  return file;
}

function randomish(length: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, k) => (k * 131 + 7) % 251));
}

describe('Electron fuses of the packaged app', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect, and turns on cookie encryption and ASAR integrity', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rankscope-fuses-'));
    const binary = fakeElectron(folder, 'rankscope');
    const before = readFileSync(binary);
    expect(await applyFuses(binary, 'linux')).toBe(1);
    expect(await readFuses(binary)).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
    // Only the wire changed: the rest of the binary is byte for byte what it was.
    const after = readFileSync(binary);
    const at = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(after.subarray(0, at)).toEqual(before.subarray(0, at));
    expect(after.subarray(at + 8)).toEqual(before.subarray(at + 8));
  });

  it('refuses a newer Electron whose extra fuse the configuration does not decide', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rankscope-fuses-'));
    await expect(applyFuses(fakeElectron(folder, 'rankscope', 9), 'linux')).rejects.toThrow(
      /strictlyRequireAllFuses/,
    );
  });

  it("finds the packaged binary of electron-builder's afterPack context", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rankscope-fuses-'));
    const binary = fakeElectron(folder, 'Rankscope.exe');
    await afterPack({
      appOutDir: folder,
      electronPlatformName: 'win32',
      packager: { appInfo: { productFilename: 'Rankscope' } },
    });
    expect((await readFuses(binary)).RunAsNode).toBe(false);
  });
});
