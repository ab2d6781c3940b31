// Secure defaults from ARCHITECTURE.md §5: no new windows, no navigation away, no permissions.
import type { BrowserWindow, Session } from 'electron';
import { appOrigin } from './app-protocol';

export function isTrustedUrl(url: string, devServerUrl?: string): boolean {
  if (url.startsWith(`${appOrigin}/`)) return true;
  return Boolean(devServerUrl && url.startsWith(devServerUrl));
}

export function hardenWindow(window: BrowserWindow, devServerUrl?: string): void {
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, devServerUrl)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(session: Session, _devServerUrl?: string): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
