// The app under test, whichever host can run it here: Electron when its binary is installed,
// else the web host (electron/web) in Chromium (/usr/bin/chromium or CHROMIUM_PATH).
import { test as base, chromium, _electron, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const artifactsDir = path.join(root, 'e2e', 'artifacts');
mkdirSync(artifactsDir, { recursive: true });

function electronBinary(): string | undefined {
  if (process.env.RANKSCOPE_E2E_HOST === 'web') return undefined;
  try {
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate): candidate is string =>
    Boolean(candidate && existsSync(candidate)),
  );
}

/** The web host, serving `served` (its path prompt resolves inside it) and keeping its data there. */
async function startWebHost(
  served: string,
  dataFolder: string,
): Promise<{ url: string; process: ChildProcess }> {
  const script = path.join(root, 'out/main/web.js');
  if (!existsSync(script))
    throw new Error('The app is not built: run `npm run build` (npm run test:e2e does it).');
  const child = spawn(
    process.execPath,
    [script, '--quiet', '--root', served, '--data', dataFolder],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => {
        // Never leave a host behind that started too late.
        child.kill('SIGKILL');
        reject(new Error(`The web host did not start:\n${output}`));
      },
      // Generous: on a loaded machine Node and the compute workers take a while to start.
      60_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) =>
      reject(new Error(`The web host exited with code ${code}:\n${output}`)),
    );
  });
  return { url, process: child };
}

export interface AppHandle {
  page: Page;
  host: 'electron' | 'web';
  /** A folder for the test's files: the web host's root (its path prompt resolves inside it). */
  folder: string;
  /** The web host's data folder (backups, recent files). */
  dataFolder?: string;
  /** Reloads the app from scratch (a fresh start on the same host). */
  restart(): Promise<Page>;
  /** Kills the host without warning (a crash), starts it again on the same data, reloads the page. */
  crashAndRestart?(): Promise<Page>;
  /** Uncaught errors the page threw so far (React's #185 among them), for specs that forbid any. */
  pageErrors: string[];
}

export const test = base.extend<{ app: AppHandle }>({
  app: async ({}, use) => {
    const electron = electronBinary();
    if (electron) {
      const application = await _electron.launch({
        executablePath: electron,
        args: [root],
        cwd: root,
      });
      const page = await application.firstWindow();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.waitForLoadState('domcontentloaded');
      await use({
        page,
        pageErrors,
        host: 'electron',
        folder: mkdtempSync(path.join(os.tmpdir(), 'rankscope-e2e-')),
        restart: async () => (await page.reload(), page),
      });
      await application.close();
      return;
    }
    const executablePath = chromiumPath();
    if (!executablePath) {
      throw new Error(
        "No host for e2e tests: Electron's binary is not installed and no Chromium was found. " +
          "Install Chromium (`apt-get install -y chromium`) or set CHROMIUM_PATH, or install Electron's binary (`node node_modules/electron/install.js`).",
      );
    }
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rankscope-e2e-'));
    const dataFolder = path.join(folder, 'data');
    let web = await startWebHost(folder, dataFolder);
    const browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-gl=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1360, height: 860 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => {
      pageErrors.push(error.message);
      console.error(`[page error] ${error.message}`);
    });
    await page.goto(web.url);
    await use({
      page,
      pageErrors,
      host: 'web',
      folder,
      dataFolder,
      restart: async () => {
        await page.goto(web.url);
        return page;
      },
      crashAndRestart: async () => {
        web.process.kill('SIGKILL');
        await new Promise((resolve) => web.process.once('exit', resolve));
        web = await startWebHost(folder, dataFolder);
        await page.goto(web.url);
        return page;
      },
    });
    await browser.close();
    web.process.kill('SIGTERM');
  },
});

export { expect } from '@playwright/test';
