// Elementary reflectors H = I − tau·v·vᵀ with v[0] = 1 that map a vector onto a multiple of e₁,
// as LAPACK dlarfg (Golub & Van Loan §5.1.2). Cost: one scaled norm, O(length).
import { vectorNorm } from './norms';

/** Where makeReflector writes its results, so hot loops allocate nothing. */
export interface Reflector {
  tau: number;
  beta: number;
}

/**
 * Turns data[offset .. offset+length) = (alpha, x) into (beta, v[1:]) in place, so that
 * H·(alpha, x) = (beta, 0); returns tau (0 when x is already zero, H = I).
 */
export function makeReflector(
  data: Float64Array,
  offset: number,
  length: number,
  out: Reflector,
): Reflector {
  const alpha = data[offset];
  if (length <= 1) {
    out.tau = 0;
    out.beta = alpha;
    return out;
  }
  const xNorm = vectorNorm(data, offset + 1, length - 1);
  if (xNorm === 0) {
    out.tau = 0;
    out.beta = alpha;
    return out;
  }
  const size = Math.max(Math.abs(alpha), xNorm);
  const ratioA = alpha / size;
  const ratioX = xNorm / size;
  const magnitude = size * Math.sqrt(ratioA * ratioA + ratioX * ratioX);
  // beta takes the sign opposite to alpha, so alpha − beta never cancels.
  const beta = alpha >= 0 ? -magnitude : magnitude;
  const scale = 1 / (alpha - beta);
  for (let i = offset + 1; i < offset + length; i++) data[i] *= scale;
  data[offset] = beta;
  out.tau = (beta - alpha) / beta;
  out.beta = beta;
  return out;
}
