// Every compute job the hosts can run, by name. core/protocol/jobs.ts derives the contract's
// types from this object; the compute workers serve exactly these.
import { analyzeJob } from './analyze';
import { anglesJob } from './angles';
import { spectrumJob } from './spectrum';
import { subspacesJob } from './subspaces';
import { stressJob } from './stress';

export const catalog = {
  analyze: analyzeJob,
  stress: stressJob,
  spectrum: spectrumJob,
  subspaces: subspacesJob,
  angles: anglesJob,
};
