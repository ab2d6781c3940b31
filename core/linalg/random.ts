// Seeded pseudo-random numbers for reproducible sketches and tests: xoshiro128** (Blackman &
// Vigna) seeded through splitmix32, Gaussian variates by the Box–Muller transform. O(1) per draw.
import { zeros, type Matrix } from './matrix';

export interface RandomSource {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal. */
  gaussian(): number;
}

function splitmix32(state: { value: number }): number {
  state.value = (state.value + 0x9e3779b9) | 0;
  let z = state.value;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export function seededRandom(seed: number): RandomSource {
  const seedState = { value: Math.floor(seed) | 0 };
  let s0 = splitmix32(seedState);
  let s1 = splitmix32(seedState);
  let s2 = splitmix32(seedState);
  let s3 = splitmix32(seedState);
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  let spare: number | undefined;

  function next(): number {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  }

  function uniform(): number {
    // 53 random bits from two draws.
    const high = next() >>> 5;
    const low = next() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  return {
    uniform,
    gaussian() {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      let u = uniform();
      while (u === 0) u = uniform();
      const v = uniform();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** An m×n matrix of independent standard normal entries, the same for the same seed. */
export function gaussianMatrix(m: number, n: number, seed: number): Matrix {
  const random = seededRandom(seed);
  const result = zeros(m, n);
  for (let k = 0; k < result.data.length; k++) result.data[k] = random.gaussian();
  return result;
}
