import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { projectSchema, type ProjectDocument } from '../../../core/project/schema';
import welcome from '../../../assets/examples/welcome.json';
import { generateWorksheet } from '../../../core/lecture/worksheet-generator';
import { worksheetMatrices } from '../../../core/lecture/worksheet-matrices';
import { createProjectStore, mergeWindowMilliseconds, selectedMatrix } from './project-store';

function welcomeDocument(): ProjectDocument {
  return projectSchema.parse(welcome);
}

function manualClock() {
  let now = 0;
  return {
    now: () => now,
    advance(milliseconds: number) {
      now += milliseconds;
    },
  };
}

describe('project store', () => {
  it('opens the welcome project on its selected matrix', () => {
    const store = createProjectStore(welcomeDocument());
    const state = store.getState();
    expect(state.selectedMatrixId).toBe('worked-example');
    expect(selectedMatrix(state)?.entries).toEqual([
      ['1', '2', '3'],
      ['2', '4', '6'],
      ['1', '3', '4'],
    ]);
  });

  it('undoes and redoes a cell edit', () => {
    const clock = manualClock();
    const store = createProjectStore(welcomeDocument(), clock.now);
    store.getState().editCell('worked-example', 1, 2, '7');
    expect(selectedMatrix(store.getState())?.entries[1][2]).toBe('7');
    store.getState().undo();
    expect(selectedMatrix(store.getState())?.entries[1][2]).toBe('6');
    store.getState().redo();
    expect(selectedMatrix(store.getState())?.entries[1][2]).toBe('7');
  });

  it('merges a burst of typing in one cell into one undo step, but not separate bursts', () => {
    const clock = manualClock();
    const store = createProjectStore(welcomeDocument(), clock.now);
    const { editCell } = store.getState();
    editCell('worked-example', 0, 0, '1/');
    clock.advance(100);
    editCell('worked-example', 0, 0, '1/3');
    expect(store.getState().past).toHaveLength(1);
    clock.advance(mergeWindowMilliseconds + 1);
    editCell('worked-example', 0, 0, '1/35');
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(selectedMatrix(store.getState())?.entries[0][0]).toBe('1/3');
    store.getState().undo();
    expect(selectedMatrix(store.getState())?.entries[0][0]).toBe('1');
  });

  it('does not merge edits of different cells', () => {
    const store = createProjectStore(welcomeDocument(), () => 0);
    store.getState().editCell('worked-example', 0, 0, '5');
    store.getState().editCell('worked-example', 0, 1, '5');
    expect(store.getState().past).toHaveLength(2);
  });

  it('records nothing for an edit that changes nothing', () => {
    const store = createProjectStore(welcomeDocument());
    store.getState().editCell('worked-example', 0, 0, '1');
    expect(store.getState().past).toHaveLength(0);
  });

  it('adds and removes rows and columns within 1×1 … 64×64', () => {
    const store = createProjectStore(welcomeDocument());
    const id = 'worked-example';
    const size = () => {
      const entries = selectedMatrix(store.getState())!.entries;
      return [entries.length, entries[0].length];
    };
    store.getState().addRow(id);
    store.getState().addColumn(id);
    expect(size()).toEqual([4, 4]);
    expect(selectedMatrix(store.getState())!.entries[3]).toEqual(['0', '0', '0', '0']);
    for (let k = 0; k < 10; k++) {
      store.getState().removeRow(id);
      store.getState().removeColumn(id);
    }
    expect(size()).toEqual([1, 1]);
    for (let k = 0; k < 70; k++) store.getState().addRow(id);
    expect(size()).toEqual([64, 1]);
    // Undo walks back through every recorded step to the original 3×3.
    while (store.getState().past.length > 0) store.getState().undo();
    expect(size()).toEqual([3, 3]);
    expect(selectedMatrix(store.getState())!.entries).toEqual(
      welcomeDocument().matrices[0].entries,
    );
  });

  it('adds a 3×3 zero matrix with a fresh name and id, and undo removes it', () => {
    const store = createProjectStore(welcomeDocument());
    const first = store.getState().addMatrix();
    const second = store.getState().addMatrix();
    expect(first).not.toBe(second);
    const names = store.getState().document.matrices.map((matrix) => matrix.name);
    expect(names).toContain('New matrix');
    expect(names).toContain('New matrix 2');
    expect(store.getState().selectedMatrixId).toBe(second);
    expect(selectedMatrix(store.getState())!.entries).toEqual([
      ['0', '0', '0'],
      ['0', '0', '0'],
      ['0', '0', '0'],
    ]);
    store.getState().undo();
    expect(store.getState().document.matrices.some((matrix) => matrix.id === second)).toBe(false);
    // The selection never dangles.
    expect(selectedMatrix(store.getState())).not.toBeNull();
  });

  it('deletes the selected matrix, selects its neighbour, and undo restores it in place', () => {
    const store = createProjectStore(welcomeDocument());
    store.getState().selectMatrix('exercise-a');
    store.getState().deleteMatrix('exercise-a');
    expect(store.getState().document.matrices.map((matrix) => matrix.id)).not.toContain(
      'exercise-a',
    );
    expect(store.getState().selectedMatrixId).toBe('exercise-b');
    store.getState().undo();
    expect(store.getState().document.matrices[1].id).toBe('exercise-a');
  });

  it('renames, ignoring blank names', () => {
    const store = createProjectStore(welcomeDocument());
    store.getState().renameMatrix('exercise-a', '  Rank one  ');
    store.getState().renameMatrix('exercise-a', '   ');
    const matrix = store.getState().document.matrices.find((item) => item.id === 'exercise-a')!;
    expect(matrix.name).toBe('Rank one');
    expect(store.getState().past).toHaveLength(1);
  });

  it('adds a dense matrix under the host id, read-only, and undo removes it', () => {
    const store = createProjectStore(welcomeDocument());
    const before = store.getState().document.matrices.length;
    const id = store.getState().addDenseMatrix('dense-k3v9', 'weights', 200, 150, 'from a CSV');
    expect(id).toBe('dense-k3v9');
    const added = selectedMatrix(store.getState());
    expect(added).toEqual({
      id: 'dense-k3v9',
      name: 'weights',
      entries: [],
      note: 'from a CSV',
      dense: { path: 'matrices/dense-k3v9.npy', rows: 200, cols: 150, dtype: 'float64' },
    });
    // The saved document must pass the schema as it is.
    expect(projectSchema.safeParse(store.getState().document).success).toBe(true);

    // No cells to edit and no size to change: the grid operations leave it alone.
    const { addRow, removeRow, addColumn, removeColumn, editCell } = store.getState();
    const history = store.getState().past.length;
    addRow(id);
    removeRow(id);
    addColumn(id);
    removeColumn(id);
    expect(() => editCell(id, 0, 0, '1')).toThrow(/read-only/);
    expect(store.getState().past).toHaveLength(history);
    expect(selectedMatrix(store.getState())?.entries).toEqual([]);

    store.getState().renameMatrix(id, 'layer 3');
    expect(selectedMatrix(store.getState())?.name).toBe('layer 3');
    expect(() => store.getState().addDenseMatrix(id, 'again', 2, 2)).toThrow(/already/);

    store.getState().undo();
    store.getState().undo();
    expect(store.getState().document.matrices).toHaveLength(before);
    expect(store.getState().selectedMatrixId).not.toBe(id);
    store.getState().redo();
    expect(selectedMatrix(store.getState())?.id ?? null).not.toBeNull();
    expect(store.getState().document.matrices.map((matrix) => matrix.id)).toContain(id);
  });

  it('deletes a dense matrix like any other, and undo restores it', () => {
    const store = createProjectStore(welcomeDocument());
    const id = store.getState().addDenseMatrix('dense-x', 'big', 100, 100);
    store.getState().deleteMatrix(id);
    expect(store.getState().document.matrices.some((matrix) => matrix.id === id)).toBe(false);
    expect(store.getState().selectedMatrixId).not.toBeNull();
    store.getState().undo();
    expect(store.getState().document.matrices.find((matrix) => matrix.id === id)?.dense?.rows).toBe(
      100,
    );
  });

  it('adds a worksheet’s exercises as one undo step, with b, and selects the first', () => {
    const store = createProjectStore(welcomeDocument());
    const before = store.getState().document;
    const sheet = generateWorksheet({
      rows: 2,
      cols: 3,
      rank: 2,
      count: 3,
      seed: 5,
      system: 'free',
    });
    const exercises = worksheetMatrices(sheet, {
      ids: before.matrices.map((matrix) => matrix.id),
      names: before.matrices.map((matrix) => matrix.name),
    });
    store.getState().addMatrices(exercises, 'Add worksheet exercises');
    const after = store.getState();
    expect(after.document.matrices.length).toBe(before.matrices.length + 3);
    expect(after.document.matrices.slice(-3).map((matrix) => matrix.name)).toEqual([
      'Exercise 1',
      'Exercise 2',
      'Exercise 3',
    ]);
    expect(after.document.matrices.at(-1)?.rightHandSide).toHaveLength(2);
    expect(after.selectedMatrixId).toBe(exercises[0].id);
    expect(after.past.at(-1)?.label).toBe('Add worksheet exercises');
    expect(projectSchema.safeParse(after.document).success).toBe(true);
    after.undo();
    expect(store.getState().document).toEqual(before);
    store.getState().redo();
    expect(store.getState().document.matrices.length).toBe(before.matrices.length + 3);
    // The same exercises again would collide: refused, nothing changed.
    const count = store.getState().past.length;
    expect(() => store.getState().addMatrices(exercises, 'again')).toThrow(/already holds/);
    expect(store.getState().past.length).toBe(count);
  });

  it('a new change clears the redo stack', () => {
    const store = createProjectStore(welcomeDocument(), () => 0);
    store.getState().addRow('worked-example');
    store.getState().undo();
    expect(store.getState().future).toHaveLength(1);
    store.getState().addColumn('worked-example');
    expect(store.getState().future).toHaveLength(0);
  });

  it('property: any sequence of changes undoes to the original and redoes to the final document', () => {
    type Action =
      | { kind: 'edit'; row: number; column: number; text: string }
      | { kind: 'addRow' | 'removeRow' | 'addColumn' | 'removeColumn' | 'add' | 'rename' };
    const action: fc.Arbitrary<Action> = fc.oneof(
      fc.record({
        kind: fc.constant('edit' as const),
        row: fc.nat(5),
        column: fc.nat(5),
        text: fc.constantFrom('0', '1', '1/3', 'pi', '2x', ''),
      }),
      fc.record({
        kind: fc.constantFrom(
          'addRow' as const,
          'removeRow' as const,
          'addColumn' as const,
          'removeColumn' as const,
          'add' as const,
          'rename' as const,
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let time = 0;
        const original = welcomeDocument();
        const store = createProjectStore(original, () => time);
        for (const step of actions) {
          time += 10;
          const state = store.getState();
          const id = state.selectedMatrixId!;
          const entries = selectedMatrix(state)!.entries;
          switch (step.kind) {
            case 'edit':
              state.editCell(
                id,
                step.row % entries.length,
                step.column % entries[0].length,
                step.text,
              );
              break;
            case 'add':
              state.addMatrix();
              break;
            case 'rename':
              state.renameMatrix(id, `Name ${time}`);
              break;
            default:
              state[step.kind](id);
          }
        }
        const final = store.getState().document;
        while (store.getState().past.length > 0) store.getState().undo();
        expect(store.getState().document).toEqual(original);
        while (store.getState().future.length > 0) store.getState().redo();
        expect(store.getState().document).toEqual(final);
        expect(projectSchema.safeParse(final).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
