// The Lab view as the workbench registers it (workbench/views.ts).
import type { ViewDefinition } from '../shared/view-definition';
import { LabView } from './LabView';

export const labView: ViewDefinition = { id: 'lab', title: 'Lab', component: LabView };
