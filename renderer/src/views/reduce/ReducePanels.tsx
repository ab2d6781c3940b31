// The panels a person can open beside the stepping matrix: the step's elementary matrix and the
// running product E (E·A = current), [A | b] and [A | I] carried along by the same operations, PA = LU
// filling up as elimination goes, and A = CR. Each panel has its own file; this picks one.
import { ElementaryPanel } from './ElementaryPanel';
import { CrPanel, IdentityPanel, LuPanel } from './FactorizationPanels';
import type { PanelProps } from './panel-support';
import { SystemPanel } from './SystemPanel';

export type PanelId = 'elementary' | 'system' | 'identity' | 'lu' | 'cr';

export const panelTitles: Record<PanelId, string> = {
  elementary: 'Elementary matrices',
  system: '[A | b]',
  identity: '[A | I]',
  lu: 'PA = LU',
  cr: 'A = CR',
};

export function ReducePanel({
  id,
  trace,
  stepIndex,
  initialRightHandSide,
}: PanelProps & { id: PanelId; initialRightHandSide: string | null }) {
  switch (id) {
    case 'elementary':
      return <ElementaryPanel trace={trace} stepIndex={stepIndex} />;
    case 'system':
      return (
        <SystemPanel
          trace={trace}
          stepIndex={stepIndex}
          initialRightHandSide={initialRightHandSide}
        />
      );
    case 'identity':
      return <IdentityPanel trace={trace} stepIndex={stepIndex} />;
    case 'lu':
      return <LuPanel trace={trace} stepIndex={stepIndex} />;
    case 'cr':
      return <CrPanel trace={trace} stepIndex={stepIndex} />;
  }
}
