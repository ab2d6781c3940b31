import { describe, expect, it } from 'vitest';
import { mathParts } from './math-parts';

describe('mathParts', () => {
  it('lowers subscripts and raises superscripts, keeping the rest as written', () => {
    expect(mathParts('‖A‖²_F / ‖A‖²₂')).toEqual([
      { text: '‖A‖²', kind: 'plain' },
      { text: 'F', kind: 'sub' },
      { text: ' / ‖A‖²₂', kind: 'plain' },
    ]);
    expect(mathParts('√(Σ_{i>3} σᵢ²)')).toEqual([
      { text: '√(Σ', kind: 'plain' },
      { text: 'i>3', kind: 'sub' },
      { text: ' σᵢ²)', kind: 'plain' },
    ]);
    expect(mathParts('A x_null = 0').map((part) => part.kind)).toEqual(['plain', 'sub', 'plain']);
    expect(mathParts('‖·‖_*')).toEqual([
      { text: '‖·‖', kind: 'plain' },
      { text: '*', kind: 'sub' },
    ]);
    expect(mathParts('e^{iθ}')[1]).toEqual({ text: 'iθ', kind: 'sup' });
    expect(mathParts('no scripts here')).toEqual([{ text: 'no scripts here', kind: 'plain' }]);
  });
});
