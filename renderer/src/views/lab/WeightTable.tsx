// The Lab's weight table, as it is laid out: two header rows (the passes over their columns, Q and
// F), and each tensor as two rows (its name and buttons, then its numbers under the headers), so
// that every column fits at 1280 px without sideways scrolling. Headers are abbreviated, their
// full names said to screen readers and in tooltips. Data and sorting: checkpoint-table.ts.
import type { ReactNode } from 'react';
import type { PassName } from '../../../../core/weights/report';
import {
  checkpointColumns,
  nextSort,
  type CheckpointRow,
  type ColumnPass,
  type SortState,
} from './checkpoint-table';
import { destinationFor } from './row-destination';

export const passNames: Record<Exclude<ColumnPass, 'table'>, string> = {
  quick: 'quick pass: σ₁…σ₁₆ by a randomized sketch, the Frobenius norm from the entries',
  full: 'full pass: every singular value',
};

/** The name heads each tensor's rows; these columns sit under the headers, by pass. */
const cellColumns = checkpointColumns.filter((column) => column.key !== 'name');
const columnGroups = (['table', 'quick', 'full'] as const).map((pass) => ({
  pass,
  columns: cellColumns.filter((column) => column.pass === pass),
}));
/** How many columns at the right of a name row hold its buttons. */
const actionSpan = 6;

/** "layers.0.mlp.weight" may wrap after each dot or underscore, nowhere else. */
function breakableName(name: string): ReactNode[] {
  return name
    .split(/(?<=[._])/)
    .flatMap((part, index) => (index === 0 ? [part] : [<wbr key={index} />, part]));
}

function SortArrow({ direction }: { direction: SortState['direction'] | null }) {
  return (
    <span aria-hidden="true" className="sort-arrow">
      {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
    </span>
  );
}

export function WeightTable({
  rows,
  sort,
  selected,
  pending,
  busy,
  sourceName,
  onSort,
  onSelect,
  onFullPass,
  onOpenIn,
}: {
  rows: readonly CheckpointRow[];
  sort: SortState | null;
  selected: string | null;
  /** The passes running now: their empty cells read "…", others "—". */
  pending: readonly PassName[];
  busy: boolean;
  /** The checkpoint's file, when its weights can be read (not for a report alone). */
  sourceName: string | null;
  onSort(sort: SortState): void;
  onSelect(name: string): void;
  onFullPass(row: CheckpointRow): void;
  onOpenIn(row: CheckpointRow, viewId: 'spectrum' | 'approximate'): void;
}) {
  return (
    <div className="lab-table-frame">
      <table className="lab-table lab-weight-table" aria-label="Weight matrices">
        <thead>
          <tr className="lab-pass-groups">
            {/* Each tensor's name heads its own row (below), so "tensor" sorts by name. */}
            {columnGroups.map((group) => {
              const name = group.pass === 'table' ? checkpointColumns[0] : null;
              const sorted = name && sort?.key === name.key ? sort.direction : null;
              return (
                <th
                  key={group.pass}
                  colSpan={group.columns.length}
                  scope="colgroup"
                  data-pass-group={group.pass}
                  aria-sort={name ? (sorted ?? 'none') : undefined}
                  title={group.pass === 'table' ? 'sort by tensor name' : passNames[group.pass]}
                >
                  {name ? (
                    <button type="button" onClick={() => onSort(nextSort(sort, name))}>
                      tensor
                      <SortArrow direction={sorted} />
                    </button>
                  ) : (
                    <>
                      {group.pass} pass
                      <span className={`pass-badge pass-${group.pass}`} aria-hidden="true">
                        {group.pass === 'quick' ? 'Q' : 'F'}
                      </span>
                    </>
                  )}
                </th>
              );
            })}
          </tr>
          <tr>
            {cellColumns.map((column) => {
              const sorted = sort?.key === column.key ? sort.direction : null;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sorted ?? 'none'}
                  className={column.numeric ? 'numeric' : undefined}
                  title={
                    column.pass === 'table'
                      ? column.description
                      : `${column.title}: ${column.description} — ${passNames[column.pass]}`
                  }
                  data-pass={column.pass}
                  data-column={column.key}
                >
                  <button type="button" onClick={() => onSort(nextSort(sort, column))}>
                    {column.short ? (
                      <>
                        <abbr aria-hidden="true">{column.short}</abbr>
                        <span className="visually-hidden">{column.title}</span>
                      </>
                    ) : (
                      column.title
                    )}
                    {column.pass !== 'table' ? (
                      <span className="visually-hidden">, {column.pass} pass</span>
                    ) : null}
                    <SortArrow direction={sorted} />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        {rows.map((row) => (
          // One group per tensor: its name and actions, then its numbers under the headers.
          <tbody
            key={row.name}
            data-testid="weight-row"
            data-name={row.name}
            data-passes={[row.quick ? 'quick' : '', row.full ? 'full' : ''].join(' ').trim()}
            data-selected={row.name === selected}
            onClick={() => onSelect(row.name)}
          >
            <tr className="lab-name-row">
              <th scope="rowgroup" colSpan={cellColumns.length - actionSpan}>
                <button
                  type="button"
                  className="lab-tensor-name"
                  aria-pressed={row.name === selected}
                  title={`Show the spectrum of ${row.name} below the table`}
                >
                  {breakableName(row.name)}
                </button>
              </th>
              <td className="lab-row-actions" colSpan={actionSpan}>
                {!row.full && sourceName ? (
                  <button
                    type="button"
                    disabled={busy}
                    title={`Every singular value of ${row.name}`}
                    onClick={(event) => {
                      event.stopPropagation();
                      onFullPass(row);
                    }}
                  >
                    Full pass
                  </button>
                ) : null}
                {sourceName
                  ? (['spectrum', 'approximate'] as const).map((viewId) => {
                      const destination = destinationFor(row, viewId, sourceName);
                      return (
                        <button
                          key={viewId}
                          type="button"
                          title={
                            destination.kind === 'project'
                              ? `Adds ${row.name} to the project and opens it in the ${viewId === 'spectrum' ? 'Spectrum' : 'Approximate'} view`
                              : destination.reason
                          }
                          onClick={(event) => {
                            event.stopPropagation();
                            onOpenIn(row, viewId);
                          }}
                        >
                          {viewId === 'spectrum' ? 'Spectrum' : 'Approximate'}
                        </button>
                      );
                    })
                  : null}
              </td>
            </tr>
            <tr className="lab-value-row">
              {cellColumns.map((column) => (
                <td
                  key={column.key}
                  data-column={column.key}
                  className={column.numeric ? 'numeric' : undefined}
                  title={
                    column.key === 'shape' && row.reshaped
                      ? row.reshaped
                      : column.key === 'rank'
                        ? row.decision?.reason
                        : undefined
                  }
                >
                  {column.cell(row) ?? (pending.includes(column.pass as PassName) ? '…' : '—')}
                  {column.key === 'shape' && row.reshaped ? (
                    <sup className="lab-footnote-mark" aria-label="reshaped">
                      †
                    </sup>
                  ) : null}
                </td>
              ))}
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}
