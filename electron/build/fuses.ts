// Electron's fuses: switches compiled into the Electron binary, flipped once when the app is
// packaged (before signing), so they hold whatever the app's own code or its environment does.
// Run on the packaged binary: `npm run fuses -- path/to/Rankscope` (or as electron-builder's
// afterPack hook, `afterPack` below). The choices and why:
//   RunAsNode off — ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node interpreter.
//   Cookie encryption on — cookies on disk are encrypted with the OS keychain's key.
//   NODE_OPTIONS off, --inspect arguments off — no code can be injected at launch by environment
//     or flags (the debugger could otherwise attach to main and read every file).
//   Embedded ASAR integrity on, only load the app from ASAR on — the app runs only from its own
//     archive, whose hash is checked against the one embedded at signing (macOS and Windows).
//   Browser-specific V8 snapshot off (default), file:// extra privileges off — the page is served
//     from rankscope://app, so file:// needs none.
import {
  FuseV1Options,
  FuseVersion,
  flipFuses,
  getCurrentFuseWire,
  type FuseConfig,
} from '@electron/fuses';
import path from 'node:path';

export const rankscopeFuses = {
  version: FuseVersion.V1,
  // A fuse a newer Electron adds must be decided here, not left as it ships.
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} satisfies FuseConfig;

/** Flips the fuses of one Electron binary (or .app bundle); returns how many wires were set. */
export function applyFuses(binary: string, platform: NodeJS.Platform = process.platform) {
  // An arm64 macOS binary's ad-hoc signature breaks when it is changed: re-sign it ad hoc.
  return flipFuses(binary, { ...rankscopeFuses, resetAdHocDarwinSignature: platform === 'darwin' });
}

/** What the binary's fuses are now, by name (for checking a build). */
export async function readFuses(
  binary: string,
): Promise<Record<string, boolean | 'removed' | 'inherit'>> {
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
  const named: Record<string, boolean | 'removed' | 'inherit'> = {};
  for (const [index, name] of Object.entries(FuseV1Options)) {
    if (typeof name !== 'string' || wire[Number(index)] === undefined) continue;
    const state = wire[Number(index)];
    named[name] =
      state === 49 ? true : state === 48 ? false : state === 114 ? 'removed' : 'inherit';
  }
  return named;
}

/** electron-builder's afterPack hook: the packaged binary of each platform gets the fuses. */
export async function afterPack(context: {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string } };
}): Promise<void> {
  const name = context.packager.appInfo.productFilename;
  const binary =
    context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas'
      ? path.join(context.appOutDir, `${name}.app`)
      : context.electronPlatformName === 'win32'
        ? path.join(context.appOutDir, `${name}.exe`)
        : path.join(context.appOutDir, name);
  await applyFuses(
    binary,
    context.electronPlatformName === 'win32'
      ? 'win32'
      : context.electronPlatformName === 'linux'
        ? 'linux'
        : 'darwin',
  );
}
