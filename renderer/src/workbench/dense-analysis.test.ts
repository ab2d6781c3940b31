import { describe, it, expect } from 'vitest';
import { knownRank } from '../../../core/linalg/special-matrices';
import { spectrumJob } from '../../../core/jobs/spectrum';
import { analysisFromSpectrum } from './dense-analysis';
import { formatNumber } from '../../../core/number-shown';

describe('analysisFromSpectrum', () => {
  it('reads rank, nullity and the four dimensions of a 200×150 rank-7 matrix off its spectrum', async () => {
    const matrix = knownRank(200, 150, 7, 11);
    const spectrum = await spectrumJob.run(spectrumJob.request.parse({ matrix }), {
      progress() {},
      checkCancelled() {},
    });
    const analysis = analysisFromSpectrum(spectrum);
    expect(analysis.exact).toBe(false);
    expect(analysis.rank).toBe(7);
    expect(analysis.nullity).toBe(143);
    expect(analysis.rank + analysis.nullity).toBe(analysis.cols);
    expect(analysis.subspaces.map((space) => [space.key, space.ambient, space.dimension])).toEqual([
      ['column', 200, 7],
      ['row', 150, 7],
      ['null', 150, 143],
      ['leftNull', 200, 193],
    ]);
    expect(analysis.singularValues).toHaveLength(150);
    expect(analysis.singularValues[6]).toBeGreaterThan(analysis.tolerance);
    expect(analysis.singularValues[7]).toBeLessThan(analysis.tolerance);
    expect(analysis.method).toContain(formatNumber(analysis.tolerance));
  });
});
