// The job catalog seen as types: job name → request → result. The runtime catalog lives in
// core/jobs/catalog.ts; only its types are imported here so the renderer bundles no job code.
import type { z } from 'zod';
import type { catalog } from '../jobs/catalog';

type Catalog = typeof catalog;
export type JobName = keyof Catalog & string;
export type JobRequest<K extends JobName> = z.input<Catalog[K]['request']>;
export type JobResult<K extends JobName> = Awaited<ReturnType<Catalog[K]['run']>>;
