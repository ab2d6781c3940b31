// The view registry: each view of the centre area (Editor now; Reduce, Subspaces, Spectrum …
// later) registers here with an id, a tab title and a component that draws the selected matrix.
import type { ComponentType } from 'react';
import { MatrixEditor } from '../views/editor/MatrixEditor';
import { ReduceView } from '../views/reduce/ReduceView';
import { SpectrumView } from '../views/spectrum/SpectrumView';
import { ApproximateView } from '../views/approximate/ApproximateView';
import { SubspacesView } from '../views/subspaces/SubspacesView';
import { GrassmannView } from '../views/grassmann/GrassmannView';
import { LabView } from '../views/lab/LabView';

export interface ViewProps {
  matrixId: string;
}

export interface ViewDefinition {
  id: string;
  title: string;
  component: ComponentType<ViewProps>;
}

export const views: ViewDefinition[] = [
  { id: 'editor', title: 'Editor', component: MatrixEditor },
  { id: 'reduce', title: 'Reduce', component: ReduceView },
  { id: 'spectrum', title: 'Spectrum', component: SpectrumView },
  { id: 'approximate', title: 'Approximate', component: ApproximateView },
  { id: 'subspaces', title: 'Subspaces', component: SubspacesView },
  { id: 'grassmann', title: 'Grassmann', component: GrassmannView },
  { id: 'lab', title: 'Lab', component: LabView },
];

/** Adds a view's tab; a second registration with the same id replaces the first. */
export function registerView(view: ViewDefinition): void {
  const index = views.findIndex((existing) => existing.id === view.id);
  if (index >= 0) views[index] = view;
  else views.push(view);
}
