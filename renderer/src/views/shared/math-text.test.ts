import { describe, it, expect } from 'vitest';
import {
  realSpace,
  shortNumber,
  subscript,
  subspaceLine,
  superscript,
  toleranceText,
} from './math-text';

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
  it('formats tolerances and values', () => {
    expect(toleranceText(3 * Number.EPSILON * 2)).toBe('1.3e-15');
    expect(toleranceText(0)).toBe('0');
    expect(shortNumber(9.508032000695723)).toBe('9.508');
    expect(shortNumber(1.2e-17)).toBe('1.20e-17');
  });
});
