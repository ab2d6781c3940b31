// The Reduce view's transport: first, previous, play or pause, next, last, a scrubber over the
// steps, the step counter and the playing speed. Their keys are the keymap's (Home, ←, Space, →,
// End), written in each button's title.
import { titleWithShortcut } from '../../keyboard/keymap';
import { stepCounterText } from './trace-model';

export const speeds = [
  { label: 'Slow', milliseconds: 1600 },
  { label: 'Normal', milliseconds: 900 },
  { label: 'Fast', milliseconds: 400 },
  { label: 'Very fast', milliseconds: 150 },
];

/** Transport icons drawn as SVG: the media glyphs (⏮ ⏭) are missing from many system fonts. */
function Icon({ shape }: { shape: 'first' | 'previous' | 'play' | 'pause' | 'next' | 'last' }) {
  const paths: Record<typeof shape, string> = {
    first: 'M3 3h2v10H3zM13 3v10L6 8z',
    previous: 'M12 3v10L5 8z',
    play: 'M5 3v10l8-5z',
    pause: 'M4 3h3v10H4zM9 3h3v10H9z',
    next: 'M4 3v10l7-5z',
    last: 'M11 3h2v10h-2zM3 3v10l7-5z',
  };
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d={paths[shape]} fill="currentColor" />
    </svg>
  );
}

export interface StepControlsProps {
  index: number;
  total: number;
  playing: boolean;
  speed: number;
  onGo(target: number): void;
  onTogglePlay(): void;
  onSpeed(milliseconds: number): void;
}

export function StepControls({
  index,
  total,
  playing,
  speed,
  onGo,
  onTogglePlay,
  onSpeed,
}: StepControlsProps) {
  return (
    <div className="step-controls" role="toolbar" aria-label="Step through the reduction">
      <button
        type="button"
        aria-label="First step"
        title={titleWithShortcut('First step', 'step-first')}
        disabled={index === 0}
        onClick={() => onGo(0)}
      >
        <Icon shape="first" />
      </button>
      <button
        type="button"
        aria-label="Previous step"
        title={titleWithShortcut('Previous step', 'step-previous')}
        disabled={index === 0}
        onClick={() => onGo(index - 1)}
      >
        <Icon shape="previous" />
      </button>
      <button
        type="button"
        className="play-button"
        aria-label={playing ? 'Pause' : 'Play'}
        title={titleWithShortcut(playing ? 'Pause' : 'Play', 'play')}
        disabled={total === 0}
        onClick={onTogglePlay}
      >
        <Icon shape={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        aria-label="Next step"
        title={titleWithShortcut('Next step', 'step-next')}
        disabled={index >= total}
        onClick={() => {
          performance.mark('reduce-next-step');
          onGo(index + 1);
        }}
      >
        <Icon shape="next" />
      </button>
      <button
        type="button"
        aria-label="Last step"
        title={titleWithShortcut('Last step', 'step-last')}
        disabled={index >= total}
        onClick={() => onGo(total)}
      >
        <Icon shape="last" />
      </button>
      <input
        type="range"
        className="scrubber"
        aria-label="Step"
        min={0}
        max={total}
        value={index}
        onChange={(event) => onGo(Number(event.target.value))}
      />
      <span className="step-counter" data-testid="step-counter" aria-live="polite">
        {stepCounterText(index, total)}
      </span>
      <label className="speed">
        <span>Speed</span>
        <select
          aria-label="Speed"
          value={speed}
          onChange={(event) => onSpeed(Number(event.target.value))}
        >
          {speeds.map((option) => (
            <option key={option.milliseconds} value={option.milliseconds}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
