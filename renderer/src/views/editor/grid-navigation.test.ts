import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { targetCell, type CellKey } from './grid-navigation';

const size = { rows: 3, columns: 4 };
function press(key: string, options: Partial<CellKey> = {}): CellKey {
  return { key, shiftKey: false, caretAtStart: true, caretAtEnd: true, ...options };
}

describe('grid navigation', () => {
  it('moves with the arrows and stops at the edges', () => {
    expect(targetCell(press('ArrowDown'), { row: 0, column: 1 }, size)).toEqual({
      row: 1,
      column: 1,
    });
    expect(targetCell(press('ArrowUp'), { row: 0, column: 1 }, size)).toBeNull();
    expect(targetCell(press('ArrowRight'), { row: 2, column: 3 }, size)).toBeNull();
    expect(targetCell(press('ArrowLeft'), { row: 2, column: 3 }, size)).toEqual({
      row: 2,
      column: 2,
    });
  });
  it('leaves Left/Right to the text unless the caret is at its end', () => {
    expect(
      targetCell(press('ArrowLeft', { caretAtStart: false }), { row: 0, column: 2 }, size),
    ).toBeNull();
    expect(
      targetCell(press('ArrowRight', { caretAtEnd: false }), { row: 0, column: 2 }, size),
    ).toBeNull();
    expect(
      targetCell(press('ArrowRight', { caretAtStart: false }), { row: 0, column: 2 }, size),
    ).toEqual({
      row: 0,
      column: 3,
    });
  });
  it('Enter moves down, Shift+Enter up', () => {
    expect(targetCell(press('Enter'), { row: 1, column: 0 }, size)).toEqual({ row: 2, column: 0 });
    expect(targetCell(press('Enter', { shiftKey: true }), { row: 1, column: 0 }, size)).toEqual({
      row: 0,
      column: 0,
    });
    expect(targetCell(press('Enter'), { row: 2, column: 0 }, size)).toBeNull();
  });
  it('Tab wraps to the next row and lets focus leave after the last cell', () => {
    expect(targetCell(press('Tab'), { row: 0, column: 3 }, size)).toEqual({ row: 1, column: 0 });
    expect(targetCell(press('Tab', { shiftKey: true }), { row: 1, column: 0 }, size)).toEqual({
      row: 0,
      column: 3,
    });
    expect(targetCell(press('Tab'), { row: 2, column: 3 }, size)).toBeNull();
    expect(targetCell(press('Tab', { shiftKey: true }), { row: 0, column: 0 }, size)).toBeNull();
  });
  it('ignores other keys', () => {
    expect(targetCell(press('a'), { row: 1, column: 1 }, size)).toBeNull();
  });
  it('property: every move stays inside the grid, and Tab then Shift+Tab returns', () => {
    const keys = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', 'Tab'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...keys),
        fc.boolean(),
        (rows, columns, r, c, key, shiftKey) => {
          const grid = { rows, columns };
          const at = { row: r % rows, column: c % columns };
          const next = targetCell(press(key, { shiftKey }), at, grid);
          if (next) {
            expect(next.row).toBeGreaterThanOrEqual(0);
            expect(next.row).toBeLessThan(rows);
            expect(next.column).toBeGreaterThanOrEqual(0);
            expect(next.column).toBeLessThan(columns);
            expect(next).not.toEqual(at);
          }
          const forward = targetCell(press('Tab'), at, grid);
          if (forward)
            expect(targetCell(press('Tab', { shiftKey: true }), forward, grid)).toEqual(at);
        },
      ),
    );
  });
});
