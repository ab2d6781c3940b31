import path from 'node:path';
import { gguf } from '@huggingface/gguf';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../formats/format-error';
import { decodeTensor } from '../formats/tensor-decoding';
import { expectSameDoubles, valuesFromHex } from '../formats/test-support';
import { openCheckpoint, type Checkpoint } from './checkpoint';
import { fixtureExpectations, fixturesFolder, folderFiles } from './test-support';

/** The fixture's folder and the name of the file a person would choose in it. */
function locate(fixture: string): { folder: string; entry: string } {
  const slash = fixture.lastIndexOf('/');
  return slash < 0
    ? { folder: fixturesFolder, entry: fixture }
    : {
        folder: path.join(fixturesFolder, fixture.slice(0, slash)),
        entry: fixture.slice(slash + 1),
      };
}

async function open(
  fixture: string,
): Promise<{ checkpoint: Checkpoint; files: ReturnType<typeof folderFiles> }> {
  const { folder, entry } = locate(fixture);
  const files = folderFiles(folder);
  return { checkpoint: await openCheckpoint(files, entry), files };
}

/** The row-major matrix of column-major data. */
function transpose(data: Float64Array, rows: number, cols: number): Float64Array {
  const result = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) result[j + i * cols] = data[i + j * rows];
  return result;
}

describe('every fixture checkpoint reads as numpy, torch and onnx wrote it', () => {
  for (const [fixture, tensors] of Object.entries(fixtureExpectations.files)) {
    it(fixture, async () => {
      const { checkpoint, files } = await open(fixture);
      for (const [name, expected] of Object.entries(tensors)) {
        const tensor = checkpoint.tensors.find((candidate) => candidate.name === name);
        expect(tensor, `${fixture}: ${name} is in the table`).toBeDefined();
        expect(tensor!.data.shape).toEqual(expected.shape);
        expect(tensor!.dtype).toBe(expected.dtype);
        expect([tensor!.rows, tensor!.cols]).toEqual([expected.rows, expected.cols]);
        expect(tensor!.quantization).toEqual(expected.quantization);
        const source = await files.open(tensor!.data.file);
        const values = valuesFromHex(expected.values);
        const plain = await decodeTensor(source, tensor!.data, { tensorName: name });
        expect(plain.transposed).toBe(false);
        expectSameDoubles(plain.matrix.data, values);
        // The spectrum layout holds the weight or its transpose, whichever is tall; the sketch
        // layout whichever the stored order gives.
        for (const layout of ['spectrum', 'sketch'] as const) {
          const placed = await decodeTensor(source, tensor!.data, { tensorName: name, layout });
          if (layout === 'spectrum')
            expect(placed.matrix.rows).toBeGreaterThanOrEqual(placed.matrix.cols);
          const { rows, cols, data } = placed.matrix;
          expectSameDoubles(placed.transposed ? transpose(data, rows, cols) : data, values);
        }
      }
    });
  }
});

describe('opening checkpoints', () => {
  it('joins shards through their index, naming every file and the tensors the index does not list', async () => {
    const { checkpoint } = await open('sharded/model.safetensors.index.json');
    expect(checkpoint.format).toBe('safetensors');
    expect(checkpoint.files.map((file) => file.name)).toEqual([
      'model-00001-of-00002.safetensors',
      'model-00002-of-00002.safetensors',
      'model.safetensors.index.json',
    ]);
    expect(checkpoint.tensors).toHaveLength(6);
    expect(checkpoint.notes).toEqual([]);
  });

  it('opens a folder by its index, or by its files when it has none', async () => {
    const sharded = await openCheckpoint(folderFiles(path.join(fixturesFolder, 'sharded')));
    expect(sharded.name).toBe('model.safetensors.index.json');
    expect(sharded.tensors).toHaveLength(6);
    const torch = await openCheckpoint(folderFiles(path.join(fixturesFolder, 'pytorch-sharded')));
    expect(torch.format).toBe('pytorch');
    expect(torch.tensors.map((tensor) => tensor.name).sort()).toEqual([
      'conv.weight',
      'half.weight',
      'linear.bias',
      'linear.weight',
    ]);
    const onnx = await openCheckpoint(folderFiles(path.join(fixturesFolder, 'onnx-external')));
    expect(onnx.format).toBe('onnx');
    expect(onnx.tensors.every((tensor) => tensor.data.file === 'weights.bin')).toBe(true);
    expect(onnx.files.map((file) => file.name)).toEqual(['model.onnx', 'weights.bin']);
  });

  it('reads headers only: no tensor bytes are read to build the table', async () => {
    const { checkpoint, files } = await open('model.gguf');
    const firstData = Math.min(...checkpoint.tensors.map((tensor) => tensor.data.byteOffset));
    for (const read of files.reads) expect(read.offset).toBeLessThan(firstData);
  });

  it('names what it passes over: inert pickled objects, string initializers, unsupported dtypes', async () => {
    const training = (await open('pytorch/training.pt')).checkpoint;
    expect(training.tensors.map((tensor) => tensor.name)).toEqual([
      'model.encoder.weight',
      'model.encoder.bias',
      'model.decoder.weight',
    ]);
    expect(training.notes.join(' ')).toMatch(/argparse\.Namespace/);
    const module = (await open('pytorch/module.pt')).checkpoint;
    expect(module.notes.join(' ')).toMatch(/__main__\.Net/);
    const onnx = (await open('onnx/model.onnx')).checkpoint;
    expect(onnx.notes).toEqual(['names: STRING initializers are not read']);
  });

  it('lists an IQ-quantized GGUF tensor with its quantization and refuses its numbers in one sentence', async () => {
    const { checkpoint, files } = await open('iq2.gguf');
    const [tensor] = checkpoint.tensors;
    expect(tensor).toMatchObject({
      name: 'iq.weight',
      dtype: 'IQ2_XXS',
      quantization: { scheme: 'IQ2_XXS', blockSize: 256 },
    });
    const error = await decodeTensor(await files.open('iq2.gguf'), tensor.data, {
      tensorName: tensor.name,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toMatch(
      /^iq2\.gguf, byte \d+: tensor "iq\.weight": IQ2_XXS dequantization is not supported/,
    );
  });

  it('keeps GGUF metadata as text, long arrays summarized', async () => {
    const { checkpoint } = await open('model.gguf');
    expect(checkpoint.metadata).toMatchObject({
      'general.architecture': 'llama',
      'general.name': 'Rankscope fixture ✓',
      'llama.block_count': '1',
      'fixture.signed': '-5',
      'fixture.u64': String(2 ** 40),
      'fixture.i64': String(-(2 ** 40)),
      'fixture.flag': 'true',
      'fixture.short': '[1, -2, 3]',
      'fixture.nested': '[[1, 2], [3]]',
      'tokenizer.ggml.tokens': '[40 values of STRING]',
      'tokenizer.ggml.scores': '[40 values of FLOAT32]',
    });
  });
});

describe('GGUF headers agree with @huggingface/gguf', () => {
  for (const file of ['model.gguf', 'aligned64.gguf', 'iq2.gguf']) {
    it(file, async () => {
      const reference = await gguf(path.join(fixturesFolder, file), { allowLocalFile: true });
      const { checkpoint } = await open(file);
      expect(checkpoint.tensors.map((tensor) => tensor.name)).toEqual(
        reference.tensorInfos.map((info) => info.name),
      );
      for (const [k, info] of reference.tensorInfos.entries()) {
        const tensor = checkpoint.tensors[k];
        // ggml lists dimensions innermost first; the table outermost first.
        expect(tensor.data.shape).toEqual(info.shape.map(Number).reverse());
        expect(tensor.data.byteOffset).toBe(Number(reference.tensorDataOffset + info.offset));
      }
      expect(checkpoint.metadata['general.architecture']).toBe(
        reference.metadata['general.architecture'],
      );
    });
  }
});
