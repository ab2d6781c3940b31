// The Reduce view as the workbench registers it (workbench/views.ts).
import type { ViewDefinition } from '../shared/view-definition';
import { ReduceView } from './ReduceView';

export const reduceView: ViewDefinition = { id: 'reduce', title: 'Reduce', component: ReduceView };
