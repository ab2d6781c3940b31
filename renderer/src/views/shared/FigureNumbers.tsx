// The numbers behind a figure as a table: the text alternative a screen reader reads (WCAG 2.1
// 1.1.1) and a person copies from, under a disclosure that Tab and Enter open. The table is only
// built while open, so a 4096-value spectrum costs no DOM until someone asks for it.
import { useState } from 'react';
import { mathParts } from '../../figures/math-parts';
import { MathText } from './MathText';

/** A heading that is a formula ("‖A − Aᵣ‖_F", "σᵢ") is typeset; words stay text. */
function ColumnHeading({ text }: { text: string }) {
  const formula = /[‖σΣ]/.test(text) || mathParts(text).some((part) => part.kind !== 'plain');
  return formula ? <MathText>{text}</MathText> : text;
}

export interface FigureNumbersProps {
  /** What the table holds ("Singular values of A"): its caption. */
  caption: string;
  columns: readonly string[];
  /** One row per entry; the first cell names the row. */
  rows: readonly (readonly (string | number)[])[];
  testId?: string;
}

export function FigureNumbers({ caption, columns, rows, testId }: FigureNumbersProps) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="figure-numbers"
      data-testid={testId}
      onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}
    >
      <summary>Numbers behind the figure</summary>
      {open ? (
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  <ColumnHeading text={column} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) =>
                  column === 0 ? (
                    <th key={column} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={column}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}
