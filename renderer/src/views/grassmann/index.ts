// The Grassmann view as the workbench registers it (workbench/views.ts).
import type { ViewDefinition } from '../shared/view-definition';
import { GrassmannView } from './GrassmannView';

export const grassmannView: ViewDefinition = {
  id: 'grassmann',
  title: 'Grassmann',
  component: GrassmannView,
};
