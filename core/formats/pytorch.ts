// PyTorch checkpoints (torch.save since 1.6: a zip holding <name>/data.pkl, the pickled object
// whose tensors point by persistent id at storages <name>/data/<key>, and <name>/byteorder). The
// pickle is read by the restricted unpickler (pickle.ts): only tensor rebuilding
// (torch._utils._rebuild_tensor_v2, _rebuild_parameter), collections.OrderedDict and torch.Size
// are understood; everything else stays inert. Tensors are named by their path in the object
// (a state dict's keys; "model.layer.weight" inside a training checkpoint). Cost O(data.pkl).
import type { ByteSource } from './byte-source';
import { readExactly } from './byte-reading';
import type { ElementFormat } from './element-decoding';
import { FormatError } from './format-error';
import { isKind, unpickle, type PickleValue } from './pickle';
import { checkShape, type TensorEntry } from './tensor-data';
import { looksLikeZip, memberDataOffset, readZipDirectory, type ZipMember } from './zip-directory';

export interface PytorchCheckpoint {
  tensors: TensorEntry[];
  /** What was passed over, in sentences (inert objects, tensors of unsupported dtypes). */
  notes: string[];
}

export interface PytorchOptions {
  /** Largest data.pkl accepted (default 256 MB). */
  maxPickleBytes?: number;
}

interface StorageType {
  dtype: string;
  element: Omit<ElementFormat, 'littleEndian'> | undefined;
}

const storageTypes: Record<string, StorageType> = {
  DoubleStorage: { dtype: 'float64', element: { kind: 'float', size: 8 } },
  FloatStorage: { dtype: 'float32', element: { kind: 'float', size: 4 } },
  HalfStorage: { dtype: 'float16', element: { kind: 'float', size: 2 } },
  BFloat16Storage: { dtype: 'bfloat16', element: { kind: 'bfloat', size: 2 } },
  Float8_e4m3fnStorage: { dtype: 'float8_e4m3fn', element: { kind: 'e4m3', size: 1 } },
  Float8_e5m2Storage: { dtype: 'float8_e5m2', element: { kind: 'e5m2', size: 1 } },
  LongStorage: { dtype: 'int64', element: { kind: 'int', size: 8 } },
  IntStorage: { dtype: 'int32', element: { kind: 'int', size: 4 } },
  ShortStorage: { dtype: 'int16', element: { kind: 'int', size: 2 } },
  CharStorage: { dtype: 'int8', element: { kind: 'int', size: 1 } },
  ByteStorage: { dtype: 'uint8', element: { kind: 'uint', size: 1 } },
  BoolStorage: { dtype: 'bool', element: { kind: 'bool', size: 1 } },
  UntypedStorage: { dtype: 'uint8', element: { kind: 'uint', size: 1 } },
  ComplexFloatStorage: { dtype: 'complex64', element: undefined },
  ComplexDoubleStorage: { dtype: 'complex128', element: undefined },
};

interface StorageRecord {
  key: string;
  type: string;
  numel: number;
}

interface TensorRecord {
  storage: StorageRecord;
  offset: number;
  shape: number[];
  strides: number[];
}

const storageTag = 'torch.storage';
const tensorTag = 'torch.tensor';

/** The tensors of a PyTorch zip checkpoint, from its directory and data.pkl alone. */
export async function readPytorchCheckpoint(
  source: ByteSource,
  fileName: string,
  options: PytorchOptions = {},
): Promise<PytorchCheckpoint> {
  const prefix = await readExactly(source, 0, Math.min(source.size, 4), fileName);
  if (!looksLikeZip(prefix)) {
    throw new FormatError(
      prefix[0] === 0x80
        ? 'this is a PyTorch file in the legacy format (before PyTorch 1.6); load it in PyTorch and save it again with torch.save to get the zip format'
        : 'this is not a PyTorch checkpoint: it is not a zip archive',
      { file: fileName, byteOffset: 0 },
    );
  }
  const directory = await readZipDirectory(source, fileName);
  const pickles = directory.members.filter((member) => /^[^/]+\/data\.pkl$/.test(member.name));
  if (pickles.length !== 1) {
    throw new FormatError(
      pickles.length === 0
        ? 'this zip holds no <name>/data.pkl, so it is not a PyTorch checkpoint'
        : 'this zip holds more than one data.pkl',
      { file: fileName, byteOffset: directory.directoryOffset },
    );
  }
  const pickleMember = pickles[0];
  const folder = pickleMember.name.slice(0, -'data.pkl'.length);
  const members = new Map(directory.members.map((member) => [member.name, member]));
  const maxPickleBytes = options.maxPickleBytes ?? 256 * 1024 * 1024;
  const pickleBytes = await storedMember(source, directory, pickleMember, fileName, maxPickleBytes);
  const byteorderMember = members.get(`${folder}byteorder`);
  let littleEndian = true;
  if (byteorderMember) {
    const order = new TextDecoder()
      .decode(await storedMember(source, directory, byteorderMember, fileName, 16))
      .trim();
    if (order !== 'little' && order !== 'big') {
      throw new FormatError(`the byteorder is ${JSON.stringify(order)}, not "little" or "big"`, {
        file: fileName,
        byteOffset: byteorderMember.localHeaderOffset,
      });
    }
    littleEndian = order === 'little';
  }

  const pickleOffset = await memberDataOffset(source, directory, pickleMember, fileName);
  const tensorCall = (
    args: readonly PickleValue[],
    fail: (reason: string) => never,
  ): PickleValue => {
    const [storage, offset, size, stride] = args;
    if (!isKind(storage, 'custom') || (storage.value as { tag?: string }).tag !== storageTag) {
      fail('rebuilds a tensor from something that is not a storage');
    }
    const shape = integers(size, fail, 'its size');
    const strides = integers(stride, fail, 'its stride');
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0)
      fail('has a storage offset that is not a size');
    if (strides.length !== shape.length) fail('has a stride of another length than its size');
    const record: TensorRecord = {
      storage: (storage as { value: { record: StorageRecord } }).value.record,
      offset: offset as number,
      shape,
      strides,
    };
    return { kind: 'custom', value: { tag: tensorTag, record } };
  };
  const calls = new Map<
    string,
    (args: readonly PickleValue[], fail: (reason: string) => never) => PickleValue
  >([
    ['collections.OrderedDict', () => ({ kind: 'dict', entries: [] })],
    ['torch._utils._rebuild_tensor_v2', tensorCall],
    ['torch._utils._rebuild_tensor', tensorCall],
    ['torch._utils._rebuild_parameter', (args) => args[0] ?? null],
    ['torch._utils._rebuild_parameter_with_state', (args) => args[0] ?? null],
    ['torch.Size', (args) => args[0] ?? null],
  ]);
  const root = unpickle(pickleBytes, {
    fileName,
    byteOffset: pickleOffset,
    calls,
    persistentLoad(id, fail) {
      // ('storage', torch.<Type>Storage, key, location, numel)
      if (!isKind(id, 'tuple') || id.items.length < 5 || id.items[0] !== 'storage')
        fail('has a persistent id that is not a storage');
      const [, type, key, , numel] = (id as { items: readonly PickleValue[] }).items;
      if (
        !isKind(type, 'global') ||
        typeof key !== 'string' ||
        typeof numel !== 'number' ||
        !Number.isSafeInteger(numel) ||
        numel < 0
      ) {
        fail('has a malformed storage id');
      }
      const record: StorageRecord = {
        key: key as string,
        type: (type as { name: string }).name,
        numel: numel as number,
      };
      return { kind: 'custom', value: { tag: storageTag, record } };
    },
  });

  const notes: string[] = [];
  const tensors: TensorEntry[] = [];
  const inert = new Map<string, number>();
  for (const { path, record } of collectTensors(root, inert)) {
    const name = path.length === 0 ? 'tensor' : path.join('.');
    const where = { file: fileName, byteOffset: pickleOffset };
    const type = storageTypes[record.storage.type];
    if (!type) {
      notes.push(`${name}: its storage type ${record.storage.type} is not read`);
      continue;
    }
    if (!type.element) {
      notes.push(`${name}: ${type.dtype} tensors are not read (Rankscope works over the reals)`);
      continue;
    }
    const member = members.get(`${folder}data/${record.storage.key}`);
    if (!member)
      throw new FormatError(
        `tensor ${JSON.stringify(name)}: its storage data/${record.storage.key} is missing`,
        where,
      );
    if (member.method !== 0) {
      throw new FormatError(
        `tensor ${JSON.stringify(name)}: its storage is compressed, which torch.save never does`,
        where,
      );
    }
    const size = type.element.size;
    const storageBytes =
      record.storage.numel * (record.storage.type === 'UntypedStorage' ? 1 : size);
    if (member.uncompressedSize < storageBytes) {
      throw new FormatError(
        `tensor ${JSON.stringify(name)}: its storage claims ${storageBytes} bytes, but data/${record.storage.key} holds ${member.uncompressedSize}`,
        where,
      );
    }
    const entries = checkShape(record.shape);
    if (typeof entries === 'string')
      throw new FormatError(`tensor ${JSON.stringify(name)}: ${entries}`, where);
    const available = Math.floor(member.uncompressedSize / size);
    let last = record.offset;
    for (let axis = 0; axis < record.shape.length; axis++) {
      if (record.shape[axis] > 0) last += (record.shape[axis] - 1) * record.strides[axis];
    }
    if (entries > 0 && (!Number.isSafeInteger(last) || last >= available)) {
      throw new FormatError(
        `tensor ${JSON.stringify(name)}: it reaches element ${last} of a storage of ${available}`,
        where,
      );
    }
    const start =
      (await memberDataOffset(source, directory, member, fileName)) + record.offset * size;
    const element: ElementFormat = { ...type.element, littleEndian };
    tensors.push({
      name,
      dtype: type.dtype,
      data: {
        file: fileName,
        byteOffset: start,
        byteLength: entries === 0 ? 0 : (last - record.offset + 1) * size,
        shape: record.shape,
        encoding: layoutOf(record, element, entries),
      },
    });
  }
  for (const [type, count] of inert)
    notes.push(`${count} object${count === 1 ? '' : 's'} of type ${type} kept unread`);
  return { tensors, notes };
}

/** The encoding of a tensor view: C order, column-major (a saved transpose), or general strides. */
function layoutOf(
  record: TensorRecord,
  element: ElementFormat,
  entries: number,
): TensorEntry['data']['encoding'] {
  const { shape, strides } = record;
  let expected = 1;
  let contiguous = true;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    if (shape[axis] > 1 && strides[axis] !== expected) contiguous = false;
    expected *= shape[axis];
  }
  if (contiguous || entries <= 1) return { kind: 'elements', element, order: 'C' };
  if (
    shape.length === 2 &&
    (shape[0] <= 1 || strides[0] === 1) &&
    (shape[1] <= 1 || strides[1] === shape[0])
  ) {
    return { kind: 'elements', element, order: 'F' };
  }
  return { kind: 'strided', element, strides: [...strides], storageOffset: 0 };
}

function integers(value: PickleValue, fail: (reason: string) => never, what: string): number[] {
  const items = isKind(value, 'tuple') || isKind(value, 'list') ? value.items : undefined;
  if (!items || items.length > 16) return fail(`has ${what} that is not a short tuple of sizes`);
  return items.map((item) =>
    typeof item === 'number' && Number.isSafeInteger(item) && item >= 0
      ? item
      : fail(`has ${what} that is not a tuple of sizes`),
  );
}

async function storedMember(
  source: ByteSource,
  directory: Awaited<ReturnType<typeof readZipDirectory>>,
  member: ZipMember,
  fileName: string,
  limit: number,
): Promise<Uint8Array> {
  const where = { file: fileName, byteOffset: member.localHeaderOffset };
  if (member.method !== 0)
    throw new FormatError(`${member.name} is compressed, which torch.save never does`, where);
  if (member.uncompressedSize > limit) {
    throw new FormatError(
      `${member.name} claims ${member.uncompressedSize} bytes, more than the limit of ${limit}`,
      where,
    );
  }
  const start = await memberDataOffset(source, directory, member, fileName);
  return readExactly(source, start, member.uncompressedSize, fileName);
}

/** Modules pickled whole keep their tensors under these attributes; state dicts name them without. */
const moduleAttributes = new Set(['_parameters', '_buffers', '_modules']);
const maxDepth = 64;

/** Every tensor reachable from the root, with its path; inert object types counted. */
function collectTensors(
  root: PickleValue,
  inert: Map<string, number>,
): { path: string[]; record: TensorRecord }[] {
  const found: { path: string[]; record: TensorRecord }[] = [];
  const seen = new Set<object>();
  const visit = (value: PickleValue, path: string[]): void => {
    if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return;
    if (seen.has(value) || path.length > maxDepth) return;
    if (isKind(value, 'custom')) {
      const tagged = value.value as { tag?: string; record?: TensorRecord };
      if (tagged.tag === tensorTag && tagged.record) found.push({ path, record: tagged.record });
      return;
    }
    seen.add(value);
    if (isKind(value, 'dict')) {
      for (const [key, item] of value.entries) {
        const part =
          typeof key === 'string' || typeof key === 'number' || typeof key === 'bigint'
            ? String(key)
            : undefined;
        if (part === undefined) continue;
        visit(item, moduleAttributes.has(part) ? path : [...path, part]);
      }
    } else if (isKind(value, 'list') || isKind(value, 'tuple')) {
      value.items.forEach((item, index) => visit(item, [...path, String(index)]));
    } else if (isKind(value, 'object')) {
      inert.set(value.type, (inert.get(value.type) ?? 0) + 1);
      if (value.state !== undefined) {
        // state, or (state, slot state) as object.__reduce_ex__ gives it.
        const state = isKind(value.state, 'tuple') ? value.state.items[0] : value.state;
        visit(state ?? null, path);
      }
    }
  };
  visit(root, []);
  return found;
}
