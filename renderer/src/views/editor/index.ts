// The Editor view as the workbench registers it (workbench/views.ts).
import type { ViewDefinition } from '../shared/view-definition';
import { MatrixEditor } from './MatrixEditor';

export const editorView: ViewDefinition = {
  id: 'editor',
  title: 'Editor',
  component: MatrixEditor,
};
