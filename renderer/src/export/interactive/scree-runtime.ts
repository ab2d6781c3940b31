// The scree plot as a standalone page: the Spectrum view's builder (figures/scree-plot.ts), with
// hover on a singular value (σᵢ and the energy kept up to it), the rank policy switched between
// default, largest gap and noise edge, and a linear or log value axis.
import { buildScreePlot, cumulativeEnergy, type AxisScale } from '../../figures/scree-plot';
import { countOf, formatValue } from '../../figures/svg';
import { lightTheme } from '../../figures/theme';
import type { ScreePolicyId } from '../interactive-data';
import { element, figureRoot, footer, publish, readFigureData } from './figure-page';

const data = readFigureData('scree');
const values = Float64Array.from(data.singularValues);
const energy = cumulativeEnergy(values);
let policyId: ScreePolicyId = data.policy;
let scale: AxisScale = data.scale;
const height = 380;

const plot = element('div', { class: 'plot', 'data-testid': 'scree-figure' });
const cursor = element('div', { class: 'cursor', hidden: true });
const tooltip = element('div', { class: 'tooltip', hidden: true, 'data-testid': 'scree-tooltip' });
const reason = element('p', { 'data-testid': 'rank-reason' });
const policySelect = element(
  'select',
  { 'aria-label': 'Rank policy' },
  data.policies.map((policy) => element('option', { value: policy.id }, [policy.label])),
);
policySelect.value = policyId;
const scaleSelect = element('select', { 'aria-label': 'Value axis' }, [
  element('option', { value: 'linear' }, ['Linear axis']),
  element('option', { value: 'log' }, ['Log axis']),
]);
scaleSelect.value = scale;

let layout: ReturnType<typeof buildScreePlot>['layout'] | null = null;

function width(): number {
  return Math.max(360, Math.min(1060, plot.clientWidth || 760));
}

function draw(): void {
  const policy = data.policies.find((candidate) => candidate.id === policyId) ?? data.policies[0];
  const figure = buildScreePlot(
    values,
    {
      numericalRank: policy.rank,
      tolerance: policy.tolerance,
      policyLabel: policy.label,
      gapRank: data.gapRank,
      stableRank: data.stableRank,
      effectiveRank: data.effectiveRank,
      bulkEdge: policy.bulkEdge,
    },
    { width: width(), height, scale, theme: lightTheme },
  );
  layout = figure.layout;
  plot.innerHTML = figure.svg;
  plot.append(cursor, tooltip);
  reason.innerHTML = '';
  reason.append(
    'Numerical rank ',
    element('strong', { 'data-testid': 'rank' }, [String(policy.rank)]),
    ` (${policy.label}): ${policy.reason}.`,
  );
}

/** 12 → "₁₂". */
function subscript(index: number): string {
  return String(index).replace(/\d/g, (digit) => '₀₁₂₃₄₅₆₇₈₉'[Number(digit)]);
}

function hover(index: number | null): void {
  if (index === null || !layout) {
    cursor.hidden = tooltip.hidden = true;
    return;
  }
  const value = values[index - 1];
  const x = layout.x(index);
  const y = layout.y(value);
  cursor.hidden = tooltip.hidden = false;
  cursor.style.transform = `translate(${x}px, ${y}px)`;
  tooltip.textContent = `σ${subscript(index)} = ${formatValue(value)} · energy to ${index}: ${(energy[index - 1] * 100).toFixed(1)}%`;
  const before = x > layout.width / 2;
  tooltip.style.transform = before
    ? `translate(${x - 12}px, ${Math.max(y - 40, 4)}px) translateX(-100%)`
    : `translate(${x + 12}px, ${Math.max(y - 40, 4)}px)`;
}

let pending: { x: number; y: number } | null = null;
let frame = 0;
plot.addEventListener('mousemove', (event) => {
  const bounds = plot.getBoundingClientRect();
  pending = { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
  // One update per animation frame, however fast the mouse moves.
  frame ||= requestAnimationFrame(() => {
    frame = 0;
    if (!pending || !layout) return;
    const { plot: area } = layout;
    const inside =
      pending.x >= area.left - 8 &&
      pending.x <= area.left + area.width + 8 &&
      pending.y >= area.top - 8 &&
      pending.y <= area.top + area.height + 8;
    hover(inside ? layout.indexAt(pending.x) : null);
  });
});
plot.addEventListener('mouseleave', () => hover(null));
policySelect.addEventListener('change', () => {
  policyId = policySelect.value as ScreePolicyId;
  draw();
});
scaleSelect.addEventListener('change', () => {
  scale = scaleSelect.value as AxisScale;
  draw();
});
window.addEventListener('resize', draw);

figureRoot().append(
  element('div', { class: 'toolbar' }, [
    element('label', {}, ['Rank policy ', policySelect]),
    scaleSelect,
    element('span', { class: 'muted' }, [
      `${data.rows} × ${data.cols}, ${countOf(values.length, 'singular value')}`,
    ]),
  ]),
  plot,
  reason,
  footer(
    `Stable rank ${formatValue(data.stableRank)}, effective rank ${formatValue(data.effectiveRank)}. Hover a value to read it. Made with Rankscope.`,
  ),
);
draw();
publish({
  layout: () => layout,
  setPolicy(id: ScreePolicyId) {
    policySelect.value = id;
    policySelect.dispatchEvent(new Event('change'));
  },
});
