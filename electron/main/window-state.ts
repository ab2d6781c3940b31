// Remembers the window's size, position and maximized state between runs.
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const stateSchema = z.object({
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(400),
    height: z.number().int().min(300),
  }),
  maximized: z.boolean(),
});
type WindowState = {
  bounds: Partial<Rectangle> & { width: number; height: number };
  maximized: boolean;
};

const fileName = 'window-state.json';

export function loadWindowState(folder: string): WindowState {
  const fallback: WindowState = { bounds: { width: 1280, height: 820 }, maximized: false };
  try {
    const saved = stateSchema.parse(JSON.parse(readFileSync(path.join(folder, fileName), 'utf8')));
    // Forget a position on a display that is no longer there.
    const visible = screen.getAllDisplays().some((display) => {
      const area = display.workArea;
      return (
        saved.bounds.x >= area.x - 50 &&
        saved.bounds.y >= area.y - 50 &&
        saved.bounds.x < area.x + area.width &&
        saved.bounds.y < area.y + area.height
      );
    });
    return visible
      ? saved
      : {
          bounds: { width: saved.bounds.width, height: saved.bounds.height },
          maximized: saved.maximized,
        };
  } catch {
    return fallback;
  }
}

export function trackWindowState(window: BrowserWindow, folder: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const state = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    const file = path.join(folder, fileName);
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(state));
      renameSync(`${file}.tmp`, file);
    } catch {
      // Losing the window position is not worth interrupting anyone for.
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', save);
}
