// The scree plot as pgfplots source for a lecture: the singular values, the tolerance line and
// the numerical-rank marker, on a linear or log axis (\begin{semilogyaxis}).
import type { AxisScale, ScreeMarkers } from './scree-plot';

function number(value: number): string {
  return Number.isFinite(value) ? value.toPrecision(8).replace(/\.?0+(e|$)/, '$1') : '0';
}

export function screeTikz(
  values: ArrayLike<number>,
  markers: ScreeMarkers,
  scale: AxisScale,
): string {
  const environment = scale === 'log' ? 'semilogyaxis' : 'axis';
  const count = values.length;
  // Log axes cannot show exact zeros: they go to a floor a decade under the smallest positive value.
  let smallest = Infinity;
  for (let i = 0; i < count; i++) if (values[i] > 0) smallest = Math.min(smallest, values[i]);
  const floor = Number.isFinite(smallest) ? smallest / 10 : 1e-16;
  const coordinates: string[] = [];
  for (let i = 0; i < count; i++) {
    const value = scale === 'log' ? Math.max(values[i], floor) : values[i];
    coordinates.push(`(${i + 1},${number(value)})`);
  }
  const lines = [
    '% Scree plot exported by Rankscope. Needs \\usepackage{pgfplots} and \\pgfplotsset{compat=1.18}.',
    '\\begin{tikzpicture}',
    `\\begin{${environment}}[`,
    '  width=10cm, height=6cm,',
    '  xlabel={index $i$}, ylabel={$\\sigma_i$},',
    `  xmin=0.5, xmax=${count + 0.5},`,
    '  grid=major, legend pos=north east,',
    ']',
    `\\addplot[only marks, mark=*, mark size=${count > 200 ? 0.6 : 1.5}pt, blue] coordinates {`,
    ...chunk(coordinates, 8).map((group) => `  ${group.join(' ')}`),
    '};',
    '\\addlegendentry{singular values}',
  ];
  if (markers.tolerance !== null && markers.tolerance > 0) {
    lines.push(
      `\\addplot[red, dashed, domain=0.5:${count + 0.5}] {${number(markers.tolerance)}};`,
      `\\addlegendentry{tolerance (${markers.policyLabel})}`,
    );
  }
  lines.push(
    `\\draw[orange, thick] (axis cs:${markers.numericalRank + 0.5},\\pgfkeysvalueof{/pgfplots/ymin}) -- ` +
      `(axis cs:${markers.numericalRank + 0.5},\\pgfkeysvalueof{/pgfplots/ymax}) ` +
      `node[pos=0.95, right, font=\\small] {rank ${markers.numericalRank}};`,
    `\\end{${environment}}`,
    '\\end{tikzpicture}',
    '',
  );
  return lines.join('\n');
}

function chunk<T>(items: T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let k = 0; k < items.length; k += size) groups.push(items.slice(k, k + size));
  return groups;
}
