import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRowOperation } from '../../../../core/exact/command';
import { currentMatrix } from '../../../../core/exact/manual';
import { projectSchema } from '../../../../core/project/schema';
import { createProjectStore } from '../../state/project-store';
import {
  activeRecord,
  appliedOperations,
  clearSession,
  loadOperation,
  readReduceSettings,
  recordOperation,
  redoOperation,
  reduceViewId,
  replay,
  saveOperation,
  setStrategy,
  undoOperation,
} from './reduce-settings';

const cells = [
  ['1', '2', '3'],
  ['2', '4', '6'],
  ['1', '3', '4'],
];

function storeWithExample() {
  const document = projectSchema.parse({
    type: 'rankscope',
    version: projectSchemaVersion(),
    title: 'Test',
    matrices: [{ id: 'm', name: 'M', entries: cells }],
  });
  let time = 0;
  return createProjectStore(document, () => (time += 10_000));
}

function projectSchemaVersion(): number {
  // The document version is whatever the schema accepts today.
  const literal = projectSchema.shape.version as unknown as { value: number };
  return literal.value;
}

function settingsOf(store: ReturnType<typeof storeWithExample>) {
  return readReduceSettings(store.getState().document.views[reduceViewId]);
}

function shown(store: ReturnType<typeof storeWithExample>): string[][] {
  const replayed = replay(cells, appliedOperations(activeRecord(settingsOf(store), 'm', cells)));
  if (replayed.kind !== 'session') throw new Error(replayed.message);
  return currentMatrix(replayed.session).map((row) => row.map((value) => value.toString()));
}

describe('manual sessions in the project document', () => {
  it('records operations, undoes and redoes them, and replays to the same matrix', () => {
    const store = storeWithExample();
    const update = store.getState().updateViewSettings;
    for (const command of ['R2 <- R2 - 2R1', 'R3 <- R3 - R1', 'R2 <-> R3', 'R1 <- R1 - 3R2']) {
      update(reduceViewId, recordOperation('m', cells, parseRowOperation(command)));
    }
    update(reduceViewId, undoOperation('m'));
    expect(settingsOf(store).sessions.m.position).toBe(3);
    update(reduceViewId, redoOperation('m'));
    update(reduceViewId, undoOperation('m'));
    // A new operation after an undo drops the undone one.
    update(reduceViewId, recordOperation('m', cells, parseRowOperation('R1 <- R1 - 2R2')));
    const record = settingsOf(store).sessions.m;
    expect(record.operations).toHaveLength(4);
    expect(record.position).toBe(4);
    expect(shown(store)).toEqual([
      ['1', '0', '1'],
      ['0', '1', '1'],
      ['0', '0', '0'],
    ]);
  });

  it('is part of the document history: the store undo takes an operation back', () => {
    const store = storeWithExample();
    store
      .getState()
      .updateViewSettings(
        reduceViewId,
        recordOperation('m', cells, parseRowOperation('R2 <- R2 - 2R1')),
      );
    store.getState().updateViewSettings(reduceViewId, setStrategy('partial'));
    expect(settingsOf(store).strategy).toBe('partial');
    store.getState().undo();
    expect(settingsOf(store).strategy).toBe('textbook');
    expect(shown(store)[1]).toEqual(['0', '0', '0']);
    store.getState().undo();
    expect(store.getState().document.views[reduceViewId]).toBeUndefined();
    store.getState().redo();
    expect(shown(store)[1]).toEqual(['0', '0', '0']);
    store.getState().updateViewSettings(reduceViewId, clearSession('m'));
    expect(settingsOf(store).sessions.m).toBeUndefined();
  });

  it('starts afresh when the matrix was edited since', () => {
    const store = storeWithExample();
    store
      .getState()
      .updateViewSettings(
        reduceViewId,
        recordOperation('m', cells, parseRowOperation('R1 <-> R2')),
      );
    const edited = cells.map((row) => row.slice());
    edited[0][0] = '5';
    expect(activeRecord(settingsOf(store), 'm', edited)).toBeUndefined();
    store
      .getState()
      .updateViewSettings(
        reduceViewId,
        recordOperation('m', edited, parseRowOperation('R1 *= 1/5')),
      );
    const record = settingsOf(store).sessions.m;
    expect(record.cells[0][0]).toBe('5');
    expect(record.operations).toEqual([{ kind: 'scale', rows: [0], factor: '1/5' }]);
  });

  it('reads damaged settings without throwing, keeping the valid sessions', () => {
    expect(readReduceSettings(undefined)).toEqual({
      strategy: 'textbook',
      notation: 'target-first',
      sessions: {},
    });
    const settings = readReduceSettings({
      strategy: 'sideways',
      sessions: {
        good: { cells, operations: [{ kind: 'swap', rows: [0, 1] }], position: 1 },
        bad: { cells: 3 },
      },
    });
    expect(settings.strategy).toBe('textbook');
    expect(Object.keys(settings.sessions)).toEqual(['good']);
  });

  it('saves operations as exact data and loads them back', () => {
    for (const command of ['R2 <- R2 - 2/3R1', 'R1 <-> R3', 'R3 *= -1/2']) {
      const operation = parseRowOperation(command);
      const loaded = loadOperation(saveOperation(operation));
      expect(saveOperation(loaded)).toEqual(saveOperation(operation));
    }
    expect(saveOperation(parseRowOperation('R2 <- R2 - 2/3R1'))).toEqual({
      kind: 'add',
      rows: [1, 0],
      factor: '-2/3',
    });
  });

  it('refuses manual mode for irrational entries', () => {
    const replayed = replay([['sqrt(2)']], []);
    expect(replayed.kind).toBe('error');
  });
});

describe('the reduce-fractions example', () => {
  it('opens with its manual session by hand: four operations replayed on the 4×5 system', () => {
    const text = readFileSync(
      new URL('../../../../assets/examples/reduce-fractions.json', import.meta.url),
      'utf8',
    );
    const document = projectSchema.parse(JSON.parse(text));
    const system = document.matrices.find((matrix) => matrix.id === 'system')!;
    const settings = readReduceSettings(document.views[reduceViewId]);
    const record = activeRecord(settings, 'system', system.entries);
    expect(record?.position).toBe(4);
    const replayed = replay(system.entries, appliedOperations(record));
    expect(replayed.kind).toBe('session');
    if (replayed.kind === 'session') expect(replayed.session.steps).toHaveLength(4);
  });
});
