import { describe, it, expect } from 'vitest';
import { realSpace, subscript, subspaceLine, superscript } from './math-text';

describe('math text', () => {
  it('writes real superscripts', () => {
    expect(superscript(0)).toBe('⁰');
    expect(superscript(1234567890)).toBe('¹²³⁴⁵⁶⁷⁸⁹⁰');
    expect(realSpace(4)).toBe('ℝ⁴');
    expect(realSpace(64)).toBe('ℝ⁶⁴');
    expect(subscript(12)).toBe('₁₂');
  });
  it('describes a subspace as the inspector shows it', () => {
    expect(subspaceLine({ key: 'null', name: 'null space', ambient: 4, dimension: 2 })).toBe(
      'null space ⊂ ℝ⁴, dim 2',
    );
  });
});
