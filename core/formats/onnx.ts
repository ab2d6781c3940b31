// ONNX models' initializers (onnx.proto: ModelProto.graph → GraphProto.initializer → TensorProto):
// name, dims, data_type and where the numbers are — raw_data (little-endian), the typed repeated
// fields (float_data, int32_data, …), or external data (location, offset, length in a file beside
// the model). Read with the wire-format walker, so the tensors' bytes are located, not read.
// Cost O(fields outside the tensor payloads).
import type { ByteSource } from './byte-source';
import { ByteCursor, checkRelativeFileName } from './byte-reading';
import type { ElementFormat } from './element-decoding';
import { FormatError } from './format-error';
import { ProtobufReader, WireType, type FieldHeader } from './protobuf-wire';
import { checkShape, type ByteRange, type TensorEncoding, type TensorEntry } from './tensor-data';

export interface OnnxInitializers {
  tensors: TensorEntry[];
  /** Files the external data lives in (relative to the checkpoint's folder). */
  externalFiles: string[];
  notes: string[];
}

export interface OnnxOptions {
  /** Most bytes of fields outside tensor payloads (default 512 MB). */
  maxHeaderBytes?: number;
  /** Most repeated-field runs one tensor may have (default 65 536). */
  maxPieces?: number;
}

type ProtobufAs = Extract<TensorEncoding, { kind: 'protobuf' }>['as'];

interface OnnxType {
  name: string;
  element?: ElementFormat;
  /** The typed field that holds it without raw_data: its number, wire form and reading. */
  field?: { number: number; wire: 'fixed32' | 'fixed64' | 'varint'; as: ProtobufAs };
}

const little = (kind: ElementFormat['kind'], size: number): ElementFormat => ({
  kind,
  size,
  littleEndian: true,
});
const int32Field = (as: ProtobufAs) => ({ number: 5, wire: 'varint' as const, as });

/** TensorProto.DataType, by number. */
const dataTypes: Record<number, OnnxType> = {
  1: {
    name: 'FLOAT',
    element: little('float', 4),
    field: { number: 4, wire: 'fixed32', as: 'float' },
  },
  2: { name: 'UINT8', element: little('uint', 1), field: int32Field('int') },
  3: { name: 'INT8', element: little('int', 1), field: int32Field('int') },
  4: { name: 'UINT16', element: little('uint', 2), field: int32Field('int') },
  5: { name: 'INT16', element: little('int', 2), field: int32Field('int') },
  6: { name: 'INT32', element: little('int', 4), field: int32Field('int') },
  7: { name: 'INT64', element: little('int', 8), field: { number: 7, wire: 'varint', as: 'int' } },
  8: { name: 'STRING' },
  9: { name: 'BOOL', element: little('bool', 1), field: int32Field('int') },
  10: { name: 'FLOAT16', element: little('float', 2), field: int32Field('float16') },
  11: {
    name: 'DOUBLE',
    element: little('float', 8),
    field: { number: 10, wire: 'fixed64', as: 'double' },
  },
  12: {
    name: 'UINT32',
    element: little('uint', 4),
    field: { number: 11, wire: 'varint', as: 'uint' },
  },
  13: {
    name: 'UINT64',
    element: little('uint', 8),
    field: { number: 11, wire: 'varint', as: 'uint' },
  },
  14: { name: 'COMPLEX64' },
  15: { name: 'COMPLEX128' },
  16: { name: 'BFLOAT16', element: little('bfloat', 2), field: int32Field('bfloat16') },
  17: { name: 'FLOAT8E4M3FN', element: little('e4m3', 1), field: int32Field('e4m3') },
  18: { name: 'FLOAT8E4M3FNUZ' },
  19: { name: 'FLOAT8E5M2', element: little('e5m2', 1), field: int32Field('e5m2') },
  20: { name: 'FLOAT8E5M2FNUZ' },
  21: { name: 'UINT4' },
  22: { name: 'INT4' },
  23: { name: 'FLOAT4E2M1' },
};

interface RawTensor {
  at: number;
  name?: string;
  dims: number[];
  dataType?: number;
  raw?: ByteRange;
  /** Runs of each typed field, by field number. */
  typed: Map<number, { wire: WireType; range: ByteRange }[]>;
  external: Map<string, string>;
  location: number;
  segmented: boolean;
}

export async function readOnnxInitializers(
  source: ByteSource,
  fileName: string,
  options: OnnxOptions = {},
): Promise<OnnxInitializers> {
  const cursor = new ByteCursor(source, 0, fileName, options.maxHeaderBytes ?? 512 * 1024 * 1024);
  const reader = new ProtobufReader(cursor);
  const maxPieces = options.maxPieces ?? 65_536;
  const raws: RawTensor[] = [];
  let sawGraph = false;
  let header: FieldHeader | undefined;
  while ((header = await reader.next(source.size))) {
    if (header.field === 7 && header.wire === WireType.LengthDelimited) {
      sawGraph = true;
      const graph = await reader.range(source.size, 'the graph');
      cursor.position = graph.byteOffset;
      const graphEnd = graph.byteOffset + graph.byteLength;
      let field: FieldHeader | undefined;
      while ((field = await reader.next(graphEnd))) {
        if (field.field === 5 && field.wire === WireType.LengthDelimited) {
          const tensor = await reader.range(graphEnd, 'an initializer');
          cursor.position = tensor.byteOffset;
          raws.push(
            await readTensorProto(
              reader,
              tensor.byteOffset + tensor.byteLength,
              field.at,
              maxPieces,
            ),
          );
        } else {
          await reader.skip(field, graphEnd);
        }
      }
    } else {
      await reader.skip(header, source.size);
    }
  }
  if (!sawGraph) {
    throw new FormatError('this is not an ONNX model: it has no graph', {
      file: fileName,
      byteOffset: 0,
    });
  }

  const folder = fileName.includes('/') ? fileName.slice(0, fileName.lastIndexOf('/') + 1) : '';
  const tensors: TensorEntry[] = [];
  const notes: string[] = [];
  const externalFiles = new Set<string>();
  const names = new Set<string>();
  for (const raw of raws) {
    const fail = (reason: string): never => {
      throw new FormatError(`initializer ${JSON.stringify(raw.name ?? '')}: ${reason}`, {
        file: fileName,
        byteOffset: raw.at,
      });
    };
    if (raw.name === undefined || raw.name === '') fail('it has no name');
    const name = raw.name!;
    if (names.has(name)) fail('the name appears twice');
    names.add(name);
    const type = dataTypes[raw.dataType ?? 0];
    if (!type)
      return fail(
        `its data type ${raw.dataType ?? 'is missing'}${raw.dataType === undefined ? '' : ' is unknown'}`,
      );
    const entries = checkShape(raw.dims);
    if (typeof entries === 'string') return fail(entries);
    if (!type.element || !type.field) {
      notes.push(`${name}: ${type.name} initializers are not read`);
      continue;
    }
    if (raw.segmented) fail('it is split into segments, which is not supported');
    const element = type.element;
    const entry = (data: TensorEntry['data']): TensorEntry => ({ name, dtype: type.name, data });
    if (raw.location === 1) {
      const location = raw.external.get('location');
      if (location === undefined) fail('its external data has no location');
      const problem = checkRelativeFileName(location!);
      if (problem)
        fail(`its external data location ${JSON.stringify(location)} is refused: ${problem}`);
      const offset = Number(raw.external.get('offset') ?? '0');
      const needed = entries * element.size;
      const length = raw.external.has('length') ? Number(raw.external.get('length')) : needed;
      if (
        !Number.isSafeInteger(offset) ||
        offset < 0 ||
        !Number.isSafeInteger(length) ||
        length < 0
      ) {
        fail('its external offset or length is not a size');
      }
      if (length !== needed)
        fail(`its external length ${length} does not match the ${needed} bytes its shape needs`);
      const file = folder + location;
      externalFiles.add(file);
      tensors.push(
        entry({
          file,
          byteOffset: offset,
          byteLength: length,
          shape: raw.dims,
          encoding: { kind: 'elements', element, order: 'C' },
        }),
      );
      continue;
    }
    const typedRuns = [...raw.typed.entries()];
    if (raw.raw && typedRuns.some(([, runs]) => runs.length > 0))
      fail('it holds both raw_data and typed data');
    if (raw.raw) {
      if (raw.raw.byteLength !== entries * element.size) {
        fail(
          `its raw_data has ${raw.raw.byteLength} bytes, but its shape needs ${entries * element.size}`,
        );
      }
      tensors.push(
        entry({
          file: fileName,
          ...raw.raw,
          shape: raw.dims,
          encoding: { kind: 'elements', element, order: 'C' },
        }),
      );
      continue;
    }
    const field = type.field;
    const others = typedRuns.filter(([number, runs]) => number !== field.number && runs.length > 0);
    if (others.length > 0)
      fail(`its numbers are in field ${others[0][0]}, not the field its data type uses`);
    const runs = raw.typed.get(field.number) ?? [];
    if (runs.length === 0 && entries > 0) fail('it holds no data');
    const packedWire =
      field.wire === 'varint'
        ? WireType.Varint
        : field.wire === 'fixed32'
          ? WireType.Fixed32
          : WireType.Fixed64;
    for (const run of runs) {
      if (run.wire !== WireType.LengthDelimited && run.wire !== packedWire)
        fail('a typed data field has the wrong wire type');
    }
    const pieces = runs.map((run) => run.range);
    const byteLength = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
    // A varint takes at least one byte, a fixed number 4 or 8: more numbers than that cannot be there.
    const width = field.wire === 'varint' ? 1 : field.wire === 'fixed32' ? 4 : 8;
    if (
      entries * width > byteLength ||
      (field.wire !== 'varint' && entries * width !== byteLength)
    ) {
      fail(`its shape needs ${entries} numbers, but its data field holds ${byteLength} bytes`);
    }
    tensors.push(
      entry({
        file: fileName,
        byteOffset: pieces[0]?.byteOffset ?? 0,
        byteLength,
        shape: raw.dims,
        encoding: { kind: 'protobuf', wire: field.wire, as: field.as, pieces },
      }),
    );
  }
  return { tensors, externalFiles: [...externalFiles], notes };
}

async function readTensorProto(
  reader: ProtobufReader,
  end: number,
  at: number,
  maxPieces: number,
): Promise<RawTensor> {
  const cursor = reader.cursor;
  const tensor: RawTensor = {
    at,
    dims: [],
    typed: new Map(),
    external: new Map(),
    location: 0,
    segmented: false,
  };
  let pieces = 0;
  let header: FieldHeader | undefined;
  while ((header = await reader.next(end))) {
    const { field, wire } = header;
    if (field === 1) {
      // dims: repeated int64, packed or not.
      if (wire === WireType.LengthDelimited) {
        const run = await reader.range(end, 'the dims');
        cursor.position = run.byteOffset;
        while (cursor.position < run.byteOffset + run.byteLength)
          tensor.dims.push(await reader.signedVarint('a dimension'));
        if (cursor.position !== run.byteOffset + run.byteLength)
          throw cursor.error('the dims run past their field', run.byteOffset);
      } else if (wire === WireType.Varint) {
        tensor.dims.push(await reader.signedVarint('a dimension'));
      } else throw cursor.error('the dims have the wrong wire type', header.at);
      if (tensor.dims.length > 64)
        throw cursor.error('a tensor has more than 64 dimensions', header.at);
    } else if (field === 2 && wire === WireType.Varint) {
      tensor.dataType = await reader.varint('the data type');
    } else if (field === 8 && wire === WireType.LengthDelimited) {
      tensor.name = await reader.text(end, 'the name');
    } else if (field === 9 && wire === WireType.LengthDelimited) {
      tensor.raw = await reader.range(end, 'raw_data');
    } else if (field === 14 && wire === WireType.Varint) {
      tensor.location = await reader.varint('data_location');
    } else if (field === 3) {
      tensor.segmented = true;
      await reader.skip(header, end);
    } else if (field === 13 && wire === WireType.LengthDelimited) {
      const entry = await reader.range(end, 'an external data entry');
      cursor.position = entry.byteOffset;
      const entryEnd = entry.byteOffset + entry.byteLength;
      let key = '';
      let value = '';
      let part: FieldHeader | undefined;
      while ((part = await reader.next(entryEnd))) {
        if (part.field === 1 && part.wire === WireType.LengthDelimited)
          key = await reader.text(entryEnd, 'an external data key');
        else if (part.field === 2 && part.wire === WireType.LengthDelimited)
          value = await reader.text(entryEnd, 'an external data value');
        else await reader.skip(part, entryEnd);
      }
      tensor.external.set(key, value);
    } else if (field === 4 || field === 5 || field === 7 || field === 10 || field === 11) {
      const start = cursor.position;
      let range: ByteRange;
      if (wire === WireType.LengthDelimited) range = await reader.range(end, `data field ${field}`);
      else {
        await reader.skip(header, end);
        range = { byteOffset: start, byteLength: cursor.position - start };
      }
      if (++pieces > maxPieces)
        throw cursor.error(`a tensor's data is split into more than ${maxPieces} runs`, header.at);
      const runs = tensor.typed.get(field) ?? [];
      runs.push({ wire, range });
      tensor.typed.set(field, runs);
    } else {
      await reader.skip(header, end);
    }
  }
  return tensor;
}
