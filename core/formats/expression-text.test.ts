import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isExpressionText } from './expression-text';

describe('isExpressionText', () => {
  it('accepts small arithmetic over numbers, constants and known functions', () => {
    for (const text of [
      '1',
      '-2.5e-3',
      'sqrt(2)',
      'pi/4',
      '2^(1/3)',
      '-(1/2 + 3)',
      'exp(-1) * cos(pi)',
      'e',
      '.5*2',
      '((1))',
    ]) {
      expect(isExpressionText(text), text).toBe(true);
    }
  });

  it('refuses unknown names, dangling operators, unbalanced parentheses and empty text', () => {
    for (const text of [
      '',
      'x',
      'foo(1)',
      '1 +',
      '(1',
      '1)',
      'sqrt 2',
      '2 3',
      '1..2',
      '.',
      'sqrt()',
      '*1',
      'import("fs")',
    ]) {
      expect(isExpressionText(text), text).toBe(false);
    }
  });

  it('caps the nesting depth and answers in one pass on long input', () => {
    expect(isExpressionText('('.repeat(64) + '1' + ')'.repeat(64))).toBe(true);
    expect(isExpressionText('('.repeat(65) + '1' + ')'.repeat(65))).toBe(false);
    expect(isExpressionText('1+'.repeat(100_000) + '1')).toBe(true);
  });

  it('accepts every expression built from its grammar', () => {
    const expression: fc.Arbitrary<string> = fc.letrec<{ term: string }>((tie) => ({
      term: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.nat({ max: 1000 }).map(String),
        fc.constantFrom('pi', 'e', '0.5', '1e-3'),
        fc
          .tuple(tie('term'), fc.constantFrom('+', '-', '*', '/', '^'), tie('term'))
          .map(([a, op, b]) => `${a} ${op} ${b}`),
        tie('term').map((inner) => `(${inner})`),
        tie('term').map((inner) => `-${inner}`),
        fc
          .tuple(fc.constantFrom('sqrt', 'exp', 'log', 'sin'), tie('term'))
          .map(([name, inner]) => `${name}(${inner})`),
      ),
    })).term;
    fc.assert(
      fc.property(expression, (text) => {
        expect(isExpressionText(text)).toBe(true);
        expect(isExpressionText(text + ' +')).toBe(false);
        expect(isExpressionText(text + ')')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
