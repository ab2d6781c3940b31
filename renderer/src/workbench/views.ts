// The view registry: the centre area's tabs, in order. A view is a folder under views/ whose
// index.ts exports its ViewDefinition; adding one means adding it to this list.
import type { ViewDefinition } from '../views/shared/view-definition';
import { editorView } from '../views/editor';
import { reduceView } from '../views/reduce';
import { spectrumView } from '../views/spectrum';
import { approximateView } from '../views/approximate';
import { subspacesView } from '../views/subspaces';
import { grassmannView } from '../views/grassmann';
import { labView } from '../views/lab';

export const views: readonly ViewDefinition[] = [
  editorView,
  reduceView,
  spectrumView,
  approximateView,
  subspacesView,
  grassmannView,
  labView,
];
