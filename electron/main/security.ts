// Secure defaults from ARCHITECTURE.md §5: no new windows, no navigation away, no webviews, no
// permissions, and the page's origin matched exactly (scheme, host and port), never by prefix.
import type { BrowserWindow, Session } from 'electron';
import { appScheme } from './app-protocol';

/** Whether a URL belongs to the app: rankscope://app/…, or (development) the dev server's origin. */
export function isTrustedUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${appScheme}:`) return parsed.host === 'app' && parsed.username === '';
  if (!devServerUrl) return false;
  let dev: URL;
  try {
    dev = new URL(devServerUrl);
  } catch {
    return false;
  }
  return (
    parsed.protocol === dev.protocol &&
    parsed.host === dev.host &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export function hardenWindow(window: BrowserWindow, devServerUrl?: string): void {
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isTrustedUrl(url, devServerUrl)) event.preventDefault();
  };
  window.webContents.on('will-navigate', stayInApp);
  window.webContents.on('will-redirect', stayInApp);
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
