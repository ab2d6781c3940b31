import { describe, expect, it } from 'vitest';
import { checkpointColumns } from './checkpoint-table';

// A column's description is its header's title attribute: plain text that no one typesets, so
// TeX spelling ("‖W‖²_F", "σ_min") would show as written.
describe('the weight table’s tooltips', () => {
  it('write formulas in characters a tooltip can show, never TeX scripts', () => {
    for (const column of checkpointColumns) {
      expect(column.description, column.key).not.toMatch(/[_^\\]/);
    }
  });

  it('say what stable rank and the condition number divide', () => {
    const description = (key: string) =>
      checkpointColumns.find((column) => column.key === key)?.description ?? '';
    expect(description('stableRank')).toContain('Σσᵢ² / σ₁²');
    expect(description('condition')).toContain('σ₁ / σₘᵢₙ');
  });
});
