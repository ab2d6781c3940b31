// The reduction stepper as a standalone page: the matrix after each elementary operation, drawn by
// the same builder as the Reduce view's figure (figures/reduce-svg.ts), stepped with buttons, a
// slider, or the keyboard (← →, Home, End, Page Up/Down and Space for a presentation clicker).
import { buildReduceSvg } from '../../figures/reduce-svg';
import { element, figureRoot, footer, publish, readFigureData } from './figure-page';

const data = readFigureData('reduction');
const total = data.steps.length;
let index = 0;

const picture = element('div', { class: 'stepper', 'data-testid': 'reduction-figure' });
const counter = element('span', { 'data-testid': 'step-counter', 'aria-live': 'polite' });
const first = element('button', { type: 'button', 'aria-label': 'First step' }, ['|◀']);
const previous = element('button', { type: 'button', 'aria-label': 'Previous step' }, [
  '◀ Previous',
]);
const next = element('button', { type: 'button', 'aria-label': 'Next step' }, ['Next ▶']);
const last = element('button', { type: 'button', 'aria-label': 'Last step' }, ['▶|']);
const slider = element('input', {
  type: 'range',
  min: 0,
  max: total,
  value: 0,
  'aria-label': 'Step',
});

function caption(): string[] {
  if (index === 0)
    return [`${data.title}: the matrix to reduce`, `${total} elementary operations to its RREF`];
  const step = data.steps[index - 1];
  return [`Step ${index} of ${total}: ${step.notation}`, `${step.words} — ${step.reason}`];
}

function show(target: number): void {
  index = Math.max(0, Math.min(total, target));
  const step = index > 0 ? data.steps[index - 1] : null;
  const figure = buildReduceSvg({
    cells: step ? step.cells : data.start,
    pivot: step?.pivot ?? null,
    readRows: step?.readRows ?? [],
    writtenRows: step?.writtenRows ?? [],
    augmentAt: data.augmentAt,
    caption: caption(),
  });
  picture.innerHTML = figure.svg;
  // Half as large again as in the app: the page is for reading at a distance, on a projector too.
  const svg = picture.querySelector('svg');
  svg?.setAttribute('width', String(Math.round(figure.width * 1.5)));
  svg?.setAttribute('height', String(Math.round(figure.height * 1.5)));
  counter.textContent = index === 0 ? `start (0 of ${total})` : `step ${index} of ${total}`;
  slider.value = String(index);
  first.disabled = previous.disabled = index === 0;
  next.disabled = last.disabled = index === total;
}

first.addEventListener('click', () => show(0));
previous.addEventListener('click', () => show(index - 1));
next.addEventListener('click', () => show(index + 1));
last.addEventListener('click', () => show(total));
slider.addEventListener('input', () => show(Number(slider.value)));
document.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLInputElement && event.target !== slider) return;
  const moves: Record<string, number> = {
    ArrowRight: index + 1,
    ArrowDown: index + 1,
    PageDown: index + 1,
    ' ': index + 1,
    ArrowLeft: index - 1,
    ArrowUp: index - 1,
    PageUp: index - 1,
    Home: 0,
    End: total,
  };
  if (!(event.key in moves) || event.target === slider) return;
  event.preventDefault();
  show(moves[event.key]);
});

figureRoot().append(
  element('div', { class: 'toolbar', role: 'group', 'aria-label': 'Step through the reduction' }, [
    first,
    previous,
    next,
    last,
    slider,
    counter,
  ]),
  picture,
  footer(`Result: ${data.summary}. Keys: ← → step, Home/End first/last. Made with Rankscope.`),
);
show(0);
publish({ step: show, index: () => index, total });
