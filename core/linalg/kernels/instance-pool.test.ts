import { afterEach, describe, expect, it } from 'vitest';
import { luPartial } from '../lu';
import { gaussianMatrix } from '../random';
import { createWorkspace } from '../workspace';
import { dropIdleKernels, idleKernelBytes } from './instance-pool';
import { instanceOwning, setWasmKernelsEnabled } from './wasm-module';

const doubles = 40_000;

// The pool holds WebAssembly memories, whatever tier the run is on.
setWasmKernelsEnabled(true);

describe('kernel memory pool', () => {
  afterEach(() => dropIdleKernels());

  it('hands a disposed memory to the next workspace that fits, zeroed', () => {
    dropIdleKernels();
    const first = createWorkspace(doubles);
    const written = first.vector(doubles);
    written.fill(7);
    const buffer = written.buffer;
    first.dispose();
    expect(idleKernelBytes()).toBe(buffer.byteLength);
    const second = createWorkspace(doubles - 100);
    const reused = second.vector(doubles);
    expect(reused.buffer).toBe(buffer);
    expect(reused.every((x) => x === 0)).toBe(true);
    expect(idleKernelBytes()).toBe(0);
    // Taken: the next workspace gets a memory of its own.
    expect(createWorkspace(doubles).vector(1).buffer).not.toBe(buffer);
  });

  it('refuses a disposed workspace and never hands one memory out twice', () => {
    const space = createWorkspace(doubles);
    space.vector(10);
    space.dispose();
    space.dispose();
    expect(() => space.vector(10)).toThrow(/after dispose/);
    const one = createWorkspace(doubles).vector(1).buffer;
    const two = createWorkspace(doubles).vector(1).buffer;
    expect(one).not.toBe(two);
  });

  it('gives a small job no memory far larger than it needs', () => {
    const large = createWorkspace(100 * doubles);
    const buffer = large.vector(1).buffer;
    large.dispose();
    expect(createWorkspace(doubles).vector(1).buffer).not.toBe(buffer);
  });

  it('keeps the newest memory even past the cap, and only the newest', () => {
    // 48 Mi doubles: 384 MB, a checkpoint tensor's workspace (11008×4096 needs 360 MB).
    const big = 48 * 2 ** 20;
    const first = createWorkspace(big);
    const firstBuffer = first.vector(1).buffer;
    first.dispose();
    expect(idleKernelBytes()).toBe(firstBuffer.byteLength);
    const second = createWorkspace(2 * big);
    const secondBuffer = second.vector(1).buffer;
    expect(secondBuffer).not.toBe(firstBuffer);
    second.dispose();
    // Both are past the cap: the older one went, the newer one waits for the next tensor.
    expect(idleKernelBytes()).toBe(secondBuffer.byteLength);
    expect(createWorkspace(2 * big - 1000).vector(1).buffer).toBe(secondBuffer);
  });

  it('keeps results of repeated factorizations apart from the reused memory', () => {
    const a = gaussianMatrix(300, 300, 1);
    const first = luPartial(a);
    const copy = first.U.data.slice();
    const second = luPartial(gaussianMatrix(300, 300, 2));
    expect(instanceOwning(first.U.data)).toBeUndefined();
    expect(first.U.data).toEqual(copy);
    expect(second.U.data).not.toEqual(copy);
  });
});
