// Sorting, filtering and the CSV of the Lab's weight table, on rows with known values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WeightTableRow } from '../../../../core/protocol/files';
import { csvColumns, filterRows, nextSort, sortRows, tableColumns, tableCsv } from './weight-table';

function row(
  name: string,
  rank: number,
  effectiveRank: number,
  extra: Partial<WeightTableRow> = {},
): WeightTableRow {
  return {
    file: 'model.safetensors',
    name,
    shape: [4, 3],
    rows: 4,
    cols: 3,
    dtype: 'F32',
    rank,
    policy: 'default',
    rankReason: '',
    stableRank: 1.5,
    effectiveRank,
    sigmaMax: 2,
    condition: 10,
    energyRank90: 1,
    energyRank95: 2,
    energyRank99: 3,
    noiseRank: 1,
    factorParameters: rank * 7,
    denseParameters: 12,
    singularValues: new Float64Array([2, 1, 0.2]),
    ...extra,
  };
}

const effectiveColumn = tableColumns.find((column) => column.key === 'effectiveRank')!;
const nameColumn = tableColumns.find((column) => column.key === 'name')!;

describe('sortRows', () => {
  it('orders by a numeric column both ways, ties in file order', () => {
    const rows = [row('a', 3, 2.5), row('b', 1, 1.2), row('c', 2, 2.5), row('d', 2, 1.9)];
    const down = sortRows(rows, { key: 'effectiveRank', direction: 'descending' });
    expect(down.map((r) => r.name)).toEqual(['a', 'c', 'd', 'b']);
    const up = sortRows(rows, { key: 'effectiveRank', direction: 'ascending' });
    expect(up.map((r) => r.name)).toEqual(['b', 'd', 'a', 'c']);
    expect(sortRows(rows, { key: 'name', direction: 'descending' }).map((r) => r.name)).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
  });

  it('is a permutation whose keys are monotone (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { maxLength: 30 }),
        (values) => {
          const rows = values.map((value, index) => row(`t${index}`, index, value));
          const sorted = sortRows(rows, { key: 'effectiveRank', direction: 'ascending' });
          expect(sorted.map((r) => r.name).sort()).toEqual(rows.map((r) => r.name).sort());
          for (let i = 1; i < sorted.length; i++)
            expect(sorted[i].effectiveRank).toBeGreaterThanOrEqual(sorted[i - 1].effectiveRank);
        },
      ),
    );
  });

  it('puts NaN last whichever the direction', () => {
    const rows = [row('nan', 1, Number.NaN), row('one', 1, 1), row('two', 1, 2)];
    expect(
      sortRows(rows, { key: 'effectiveRank', direction: 'ascending' }).map((r) => r.name),
    ).toEqual(['one', 'two', 'nan']);
    expect(
      sortRows(rows, { key: 'effectiveRank', direction: 'descending' }).map((r) => r.name),
    ).toEqual(['two', 'one', 'nan']);
  });
});

describe('nextSort', () => {
  it('starts numbers descending and text ascending, then flips', () => {
    const first = nextSort(null, effectiveColumn);
    expect(first).toEqual({ key: 'effectiveRank', direction: 'descending' });
    expect(nextSort(first, effectiveColumn).direction).toBe('ascending');
    expect(nextSort(first, nameColumn)).toEqual({ key: 'name', direction: 'ascending' });
  });
});

describe('filterRows', () => {
  it('keeps rows whose name, file or dtype hold every word', () => {
    const rows = [
      row('layers.0.attention.query.weight', 1, 1),
      row('layers.0.mlp.up.weight', 1, 1, { dtype: 'BF16' }),
    ];
    expect(filterRows(rows, 'ATTENTION').map((r) => r.name)).toEqual([
      'layers.0.attention.query.weight',
    ]);
    expect(filterRows(rows, 'mlp bf16')).toHaveLength(1);
    expect(filterRows(rows, 'mlp f32')).toHaveLength(0);
    expect(filterRows(rows, '  ')).toHaveLength(2);
  });
});

describe('tableCsv', () => {
  it('writes the CLI header and one line per row, quoting where RFC 4180 needs it', () => {
    const csv = tableCsv([
      row('plain', 2, 1.75),
      row('with,comma "q"', 1, 1, { shape: [2, 3, 2], rows: 2, cols: 6 }),
    ]);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(csvColumns.join(','));
    expect(lines[0]).toBe(
      'name,shape,rows,cols,dtype,rank,stableRank,effectiveRank,sigmaMax,condition,energyRank90,energyRank95,energyRank99,noiseRank,factorParameters',
    );
    expect(lines[1]).toBe('plain,4x3,4,3,F32,2,1.5,1.75,2,10,1,2,3,1,14');
    expect(lines[2].startsWith('"with,comma ""q""",2x3x2,2,6,')).toBe(true);
    expect(lines).toHaveLength(3);
  });
});
