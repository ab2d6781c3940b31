// The Subspaces view as the workbench registers it (workbench/views.ts).
import type { ViewDefinition } from '../shared/view-definition';
import { SubspacesView } from './SubspacesView';

export const subspacesView: ViewDefinition = {
  id: 'subspaces',
  title: 'Subspaces',
  component: SubspacesView,
};
