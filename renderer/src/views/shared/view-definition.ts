// What a view is to the workbench: an id, a tab title and a component that draws one project
// matrix. Each view folder exports one ViewDefinition from its index.ts; workbench/views.ts lists
// them, in tab order. Views import this file, never the workbench.
import type { ComponentType } from 'react';

export interface ViewProps {
  matrixId: string;
}

export interface ViewDefinition {
  id: string;
  title: string;
  component: ComponentType<ViewProps>;
}
