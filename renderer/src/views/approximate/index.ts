// The Approximate view as the workbench registers it (workbench/views.ts).
import type { ViewDefinition } from '../shared/view-definition';
import { ApproximateView } from './ApproximateView';

export const approximateView: ViewDefinition = {
  id: 'approximate',
  title: 'Approximate',
  component: ApproximateView,
};
