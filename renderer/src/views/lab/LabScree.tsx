// One scree plot of the Lab (a tensor, ΔW, attention scores, logits) with the energy curve, its
// own width and colour scheme, and the shared figure export.
import { useMemo, useRef } from 'react';
import { ExportPanel, type FigureSource } from '../../export/ExportPanel';
import { buildScreePlot, type AxisScale, type ScreeMarkers } from '../../figures/scree-plot';
import { screeTikz } from '../../figures/scree-tikz';
import { screenTheme, type FigureTheme } from '../../figures/theme';
import { usePrefersDark } from '../shared/use-color-scheme';
import { useElementWidth } from '../shared/use-element-width';

export interface LabScreeProps {
  values: Float64Array;
  markers: ScreeMarkers;
  /** Names the exported file. */
  name: string;
  testId: string;
  height?: number;
  scale?: AxisScale;
}

export function LabScree({
  values,
  markers,
  name,
  testId,
  height = 320,
  scale = 'linear',
}: LabScreeProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef);
  const theme = screenTheme(usePrefersDark());
  const draw = useMemo(
    () => (figureTheme: FigureTheme) =>
      buildScreePlot(values, markers, { width, height, scale, theme: figureTheme }).svg,
    [values, markers, width, height, scale],
  );
  const svg = useMemo(() => draw(theme), [draw, theme]);
  const source = useMemo<FigureSource>(
    () => ({ name, svg: draw, tikz: () => screeTikz(values, markers, scale) }),
    [name, draw, values, markers, scale],
  );
  return (
    <div className="lab-figure">
      <div className="figure-toolbar">
        <span className="spacer" />
        <ExportPanel source={source} screenTheme={theme} />
      </div>
      <div className="figure-frame" ref={frameRef} data-testid={testId}>
        <div className="figure-svg" dangerouslySetInnerHTML={{ __html: svg }} />
      </div>
    </div>
  );
}
