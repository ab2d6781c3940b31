// A short formula in readouts, typeset with real subscripts and superscripts instead of TeX
// spelling: "‖A‖²_F" shows F lowered, "x_row" shows row lowered (figures/math-parts.ts).
import { Fragment, type ReactNode } from 'react';
import { mathParts } from '../../figures/math-parts';

export function MathText({ children }: { children: string }): ReactNode {
  return (
    <span className="math-text">
      {mathParts(children).map((part, index) =>
        part.kind === 'sub' ? (
          <sub key={index}>{part.text}</sub>
        ) : part.kind === 'sup' ? (
          <sup key={index}>{part.text}</sup>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </span>
  );
}
