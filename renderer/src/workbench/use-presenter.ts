// Presenter mode: the current view alone, full screen, its type scaled for a projector
// (presenter-scale.ts), stepped with a presentation clicker's keys (the keymap's presenter
// bindings: Page Down / Space forward, Page Up back, B or . for a black screen, Esc leaves).
// Forward and back run the view's own step commands, so the Reduce view steps as with → and ←.
// Full screen uses the Fullscreen API (Electron grants it to the app's page only); where it is
// refused the view still fills the window. Leaving full screen by the browser's own Esc, which
// the page never sees, leaves presenter mode too.
import { useCallback, useEffect, useState } from 'react';
import { runCommand, useShortcuts } from '../keyboard/use-shortcuts';
import { presenterZoom } from './presenter-scale';

export interface Presenter {
  presenting: boolean;
  /** The screen is black (B or .); the next key brings the view back. */
  black: boolean;
  /** The view's scale while presenting. */
  zoom: number;
  start(): void;
  stop(): void;
}

function windowZoom(): number {
  return typeof window === 'undefined' ? 1 : presenterZoom(window.innerWidth, window.innerHeight);
}

export function usePresenter(): Presenter {
  const [presenting, setPresenting] = useState(false);
  const [black, setBlack] = useState(false);
  const [zoom, setZoom] = useState(windowZoom);

  const start = useCallback(() => {
    setPresenting(true);
    setBlack(false);
    setZoom(windowZoom());
    const root = document.documentElement;
    if (!document.fullscreenElement && root.requestFullscreen)
      root.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
  }, []);

  const stop = useCallback(() => {
    setPresenting(false);
    setBlack(false);
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!presenting) return;
    const onFullscreen = () => {
      if (!document.fullscreenElement) {
        setPresenting(false);
        setBlack(false);
      }
    };
    const onResize = () => setZoom(windowZoom());
    document.addEventListener('fullscreenchange', onFullscreen);
    window.addEventListener('resize', onResize);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreen);
      window.removeEventListener('resize', onResize);
    };
  }, [presenting]);

  /** A clicker's forward or back: first lift a black screen, else step the view. */
  const step = (command: 'step-next' | 'step-previous') => {
    if (black) setBlack(false);
    else runCommand(command);
  };

  useShortcuts({ present: () => (presenting ? stop() : start()) });
  useShortcuts(
    presenting
      ? {
          'present-next': () => step('step-next'),
          'present-previous': () => step('step-previous'),
          'present-black': () => setBlack((wasBlack) => !wasBlack),
          'present-exit': stop,
        }
      : {},
  );

  return { presenting, black, zoom, start, stop };
}
