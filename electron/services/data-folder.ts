// Where a host keeps its own files (backups, recent files): the platform's app-data folder.
import os from 'node:os';
import path from 'node:path';

export function dataFolder(name: string): string {
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), name);
  if (process.platform === 'darwin')
    return path.join(os.homedir(), 'Library', 'Application Support', name);
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), name);
}
