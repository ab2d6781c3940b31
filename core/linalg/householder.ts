// Elementary reflectors H = I − tau·v·vᵀ with v[0] = 1 that map a vector onto a multiple of e₁,
// as LAPACK dlarfg (Golub & Van Loan §5.1.2). Cost: one scaled norm, O(length).
import { vectorNorm } from './norms';

/** Vectors smaller than this are scaled up by `rescaling` first. */
const tiny = 2 ** -900;
const rescaling = 2 ** 600;

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
  let alpha = data[offset];
  if (length <= 1) {
    out.tau = 0;
    out.beta = alpha;
    return out;
  }
  let xNorm = vectorNorm(data, offset + 1, length - 1);
  if (xNorm === 0) {
    out.tau = 0;
    out.beta = alpha;
    return out;
  }
  // A column of roundoff left by earlier reflectors can be (sub)normal-small: scale it up by a
  // power of two (exact) so tau and v are built consistently and 1/(alpha − beta) cannot
  // overflow, then scale beta back (LAPACK dlarfg does the same).
  let unscale = 1;
  if (Math.max(Math.abs(alpha), xNorm) < tiny) {
    for (let i = offset; i < offset + length; i++) data[i] *= rescaling;
    alpha = data[offset];
    xNorm = vectorNorm(data, offset + 1, length - 1);
    unscale = 1 / rescaling;
  }
  const size = Math.max(Math.abs(alpha), xNorm);
  const ratioA = alpha / size;
  const ratioX = xNorm / size;
  const magnitude = size * Math.sqrt(ratioA * ratioA + ratioX * ratioX);
  // beta takes the sign opposite to alpha, so alpha − beta never cancels.
  let beta = alpha >= 0 ? -magnitude : magnitude;
  const scale = 1 / (alpha - beta);
  for (let i = offset + 1; i < offset + length; i++) data[i] *= scale;
  out.tau = (beta - alpha) / beta;
  beta *= unscale;
  data[offset] = beta;
  out.beta = beta;
  return out;
}
