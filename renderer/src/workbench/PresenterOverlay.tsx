// What presenter mode adds over the view: the black screen (B or .), and a strip naming the keys
// that shows for a few seconds, and again while the pointer is near the bottom edge, with a button
// to leave for those presenting with a mouse.
import { useEffect, useState } from 'react';
import { shortcutText } from '../keyboard/keymap';
import type { Presenter } from './use-presenter';

/** How long the keys strip stays after presenting starts. */
const hintMilliseconds = 4000;

export function PresenterOverlay({ presenter }: { presenter: Presenter }) {
  const [hintShown, setHintShown] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setHintShown(false), hintMilliseconds);
    return () => clearTimeout(timer);
  }, []);
  return (
    <>
      <div
        className={hintShown ? 'presenter-hint shown' : 'presenter-hint'}
        role="status"
        aria-label="Presenter mode"
      >
        <span>
          Next <kbd>{shortcutText('present-next')}</kbd>
        </span>
        <span>
          Back <kbd>{shortcutText('present-previous')}</kbd>
        </span>
        <span>
          Black screen <kbd>{shortcutText('present-black')}</kbd>
        </span>
        <button type="button" className="button-small" onClick={presenter.stop}>
          Leave <kbd>{shortcutText('present-exit')}</kbd>
        </button>
      </div>
      {presenter.black ? (
        <div className="presenter-black" data-testid="presenter-black" aria-label="Black screen" />
      ) : null}
    </>
  );
}
