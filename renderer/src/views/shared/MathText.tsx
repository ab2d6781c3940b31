// A short formula in readouts, written compactly ("‖A‖²_F", "x_row") and typeset by KaTeX as
// mathematics (math-tex.ts). The drawing is hidden from screen readers, which read the formula in
// characters they can speak instead ("x sub row", "σ₁₂"); exports read the same string through
// figures/math-parts.ts.
import type { ReactNode } from 'react';
import { mathTex, spokenMath } from './math-tex';
import { texToHtml } from './Tex';

export function MathText({ children }: { children: string }): ReactNode {
  return (
    <span
      className="math-text"
      role="math"
      aria-label={spokenMath(children)}
      data-formula={children}
      // KaTeX output is generated from our own formula strings, never from untrusted HTML; its
      // HTML output is marked aria-hidden, so the label above is all a screen reader meets.
      dangerouslySetInnerHTML={{ __html: texToHtml(mathTex(children), false, 'html') }}
    />
  );
}
