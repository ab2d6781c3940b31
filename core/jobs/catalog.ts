// Every compute job the hosts can run, by name. core/protocol/jobs.ts derives the contract's
// types from this object; the compute workers serve exactly these.
import { analyzeJob } from './analyze';
import { anglesJob } from './angles';
import { attentionDemoJob, embeddingDemoJob, loraDeltaJob, loraSimilarityJob } from './lab';
import { checkpointDiffJob, checkpointTensorJob } from './checkpoint-tensor';
import { lowRankJob } from './low-rank';
import { completionJob, robustPcaJob } from './robust-pca';
import { rrefJob } from './rref';
import { spectrumJob } from './spectrum';
import { stressJob } from './stress';
import { subspacesJob } from './subspaces';

export const catalog = {
  analyze: analyzeJob,
  stress: stressJob,
  rref: rrefJob,
  spectrum: spectrumJob,
  subspaces: subspacesJob,
  angles: anglesJob,
  lowRank: lowRankJob,
  robustPca: robustPcaJob,
  completion: completionJob,
  attentionDemo: attentionDemoJob,
  embeddingDemo: embeddingDemoJob,
  loraDelta: loraDeltaJob,
  loraSimilarity: loraSimilarityJob,
  checkpointTensor: checkpointTensorJob,
  checkpointDiff: checkpointDiffJob,
};
