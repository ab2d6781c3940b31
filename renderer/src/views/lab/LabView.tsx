// The AI rank Lab: weight files, LoRA, attention and embedding bottlenecks, representation
// collapse and robust PCA, as sections chosen with a row of sub-tabs. The Lab works on files and
// on the whole project, not only on the selected matrix.
import { useState, type ComponentType } from 'react';
import type { ViewProps } from '../shared/view-definition';
import '../shared/views.css';
import { AttentionPanel } from './AttentionPanel';
import { CollapsePanel } from './CollapsePanel';
import { EmbeddingPanel } from './EmbeddingPanel';
import { LoraPanel } from './LoraPanel';
import { RobustPcaPanel } from './RobustPcaPanel';
import { WeightsPanel } from './WeightsPanel';
import './lab.css';

interface LabSection {
  id: string;
  title: string;
  component: ComponentType;
}

const sections: LabSection[] = [
  { id: 'weights', title: 'Weights', component: WeightsPanel },
  { id: 'lora', title: 'LoRA', component: LoraPanel },
  { id: 'attention', title: 'Attention', component: AttentionPanel },
  { id: 'embedding', title: 'Embedding', component: EmbeddingPanel },
  { id: 'collapse', title: 'Collapse', component: CollapsePanel },
  { id: 'robust-pca', title: 'Robust PCA', component: RobustPcaPanel },
];

// Module state: the chosen section survives the view's remount when the selected matrix changes.
let lastSection = sections[0].id;

export function LabView(_props: ViewProps) {
  const [active, setActive] = useState(lastSection);
  const section = sections.find((entry) => entry.id === active) ?? sections[0];
  const Component = section.component;
  function choose(id: string) {
    lastSection = id;
    setActive(id);
  }
  return (
    <section className="figure-view lab-view" aria-label="Lab">
      <div className="segmented lab-sections" role="group" aria-label="Lab sections">
        {sections.map((entry) => (
          <button
            key={entry.id}
            type="button"
            aria-pressed={entry.id === section.id}
            onClick={() => choose(entry.id)}
          >
            {entry.title}
          </button>
        ))}
      </div>
      <Component />
    </section>
  );
}
