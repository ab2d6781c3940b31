// Every compute job the hosts can run, by name. core/protocol/jobs.ts derives the contract's
// types from this object; the compute workers serve exactly these.
import { analyzeJob } from './analyze';

export const catalog = {
  analyze: analyzeJob,
};
