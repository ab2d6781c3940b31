// The Spectrum view as the workbench registers it (workbench/views.ts).
import type { ViewDefinition } from '../shared/view-definition';
import { SpectrumView } from './SpectrumView';

export const spectrumView: ViewDefinition = {
  id: 'spectrum',
  title: 'Spectrum',
  component: SpectrumView,
};
