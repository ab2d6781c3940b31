// The step's elementary matrix Eₖ beside the running product E = Eₖ⋯E₁, with E·A = the matrix now.
import { useMemo } from 'react';
import { elementaryMatrixOf, fieldOf, identityOf, runningProduct } from './elimination-products';
import { MatrixDisplay } from './MatrixDisplay';
import type { PanelProps } from './panel-support';
import { Tex } from '../shared/Tex';
import { matrixAtStep } from './trace-model';

export function ElementaryPanel({ trace, stepIndex }: PanelProps) {
  const field = fieldOf(trace);
  const product = useMemo(() => runningProduct(trace, stepIndex), [trace, stepIndex]);
  const step = stepIndex > 0 ? trace.steps[stepIndex - 1] : null;
  const elementary = step
    ? elementaryMatrixOf(step, trace.rows, field)
    : identityOf(trace.rows, field);
  return (
    <div className="panel-body panel-row">
      <figure>
        <figcaption>
          <Tex tex={step ? `E_{${stepIndex}}` : 'E_0 = I'} />{' '}
          {step ? 'of this step' : '(no step yet)'}
        </figcaption>
        <MatrixDisplay
          matrix={elementary}
          label={`Elementary matrix of step ${stepIndex}`}
          compact
        />
      </figure>
      <figure>
        <figcaption>
          <Tex
            tex={
              stepIndex > 1
                ? `E = E_{${stepIndex}} \\cdots E_1`
                : stepIndex === 1
                  ? 'E = E_1'
                  : 'E = I'
            }
          />
        </figcaption>
        <MatrixDisplay
          matrix={product}
          label="Running product E"
          compact
          testId="running-product"
        />
      </figure>
      <figure>
        <figcaption>
          <Tex tex="EA" /> = the current matrix
        </figcaption>
        <MatrixDisplay matrix={matrixAtStep(trace, stepIndex)} label="E times A" compact />
      </figure>
    </div>
  );
}
