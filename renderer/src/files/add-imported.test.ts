import { describe, it, expect } from 'vitest';
import welcome from '../../../assets/examples/welcome.json';
import { projectSchema } from '../../../core/project/schema';
import { createProjectStore, selectedMatrix } from '../state/project-store';
import { addImported } from './add-imported';

describe('addImported', () => {
  it('adds a small import as exact strings', () => {
    const store = createProjectStore(projectSchema.parse(welcome));
    const notice = addImported(store.getState(), {
      fileName: 'tiny.csv',
      rows: 2,
      cols: 1,
      cells: [['1/2'], ['3']],
      notes: [],
    });
    expect(notice).toBe('Imported tiny.csv (2×1)');
    expect(selectedMatrix(store.getState())).toMatchObject({
      name: 'tiny',
      entries: [['1/2'], ['3']],
    });
  });

  it('adds a large import as a dense matrix under the host id, saying it is kept as numbers', () => {
    const store = createProjectStore(projectSchema.parse(welcome));
    const notice = addImported(store.getState(), {
      fileName: 'weights.csv',
      rows: 200,
      cols: 150,
      cells: [],
      notes: ['Kept as numbers.'],
      dense: { matrixId: 'dense-4f2a' },
    });
    expect(notice).toBe('Imported weights.csv (200×150, kept as numbers: larger than the editor)');
    expect(selectedMatrix(store.getState())).toEqual({
      id: 'dense-4f2a',
      name: 'weights',
      entries: [],
      note: 'Kept as numbers.',
      dense: { path: 'matrices/dense-4f2a.npy', rows: 200, cols: 150, dtype: 'float64' },
    });
  });

  it('takes another name when given (a tensor keeps its dotted name)', () => {
    const store = createProjectStore(projectSchema.parse(welcome));
    addImported(
      store.getState(),
      { fileName: 'model.safetensors', rows: 1, cols: 1, cells: [['1']], notes: [] },
      'layers.0.q_proj.weight',
    );
    expect(selectedMatrix(store.getState())?.name).toBe('layers.0.q_proj.weight');
  });
});
