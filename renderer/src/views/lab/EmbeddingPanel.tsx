// The softmax bottleneck: logits H·Eᵀ of n contexts over a vocabulary |V| with embeddings of
// width d have rank ≤ d, however large the vocabulary (Yang et al. 2018).
import { useMemo, useState } from 'react';
import { useCatalogJob } from '../shared/use-job';
import { JobStatus } from '../shared/ViewShell';
import { NumberField } from './AttentionPanel';
import { LabScree } from './LabScree';
import { markersFor } from './lab-markers';
import { wholeNumber } from './rank-list';

export function EmbeddingPanel() {
  const [vocabularyText, setVocabularyText] = useState('1000');
  const [widthText, setWidthText] = useState('32');
  const [contextsText, setContextsText] = useState('128');
  const vocabulary = wholeNumber(vocabularyText, 50_000);
  const width = wholeNumber(widthText, 4096);
  const contexts = wholeNumber(contextsText, 1024);
  const request = useMemo(
    () => (vocabulary && width && contexts ? { vocabulary, width, contexts, seed: 7 } : null),
    [vocabulary, width, contexts],
  );
  const job = useCatalogJob('embeddingDemo', request);
  const result = job.result;
  const markers = useMemo(
    () =>
      result
        ? markersFor(
            result.singularValues,
            { rows: result.contexts, cols: result.vocabulary },
            result.rank,
          )
        : null,
    [result],
  );
  return (
    <section className="lab-section" aria-label="Embedding bottleneck">
      <h3>Embedding bottleneck: logits = H·Eᵀ</h3>
      <div className="figure-toolbar">
        <NumberField
          label="|V|"
          title="Vocabulary size"
          value={vocabularyText}
          onChange={setVocabularyText}
        />
        <NumberField
          label="d"
          title="Embedding width d"
          value={widthText}
          onChange={setWidthText}
        />
        <NumberField
          label="contexts"
          title="Contexts n"
          value={contextsText}
          onChange={setContextsText}
        />
        <JobStatus job={job} />
      </div>
      {!request ? (
        <p className="figure-error">
          |V| (≤ 50,000), d and contexts (≤ 1024) must be whole numbers ≥ 1.
        </p>
      ) : null}
      {job.error ? <p className="figure-error">{job.error}</p> : null}
      {result && markers ? (
        <>
          <p className="figure-note lab-claim" data-testid="embedding-claim">
            rank(logits) = <strong data-testid="embedding-rank">{result.rank.rank}</strong> ≤ d ={' '}
            {result.width} for {result.contexts} contexts over{' '}
            {result.vocabulary.toLocaleString('en-US')} tokens.
          </p>
          <LabScree
            values={result.singularValues}
            markers={markers}
            name="embedding logits scree plot"
            testId="embedding-scree"
            scale="log"
          />
          <p className="figure-note">
            The {result.contexts}×{result.vocabulary} logit matrix factors through the d-wide hidden
            state, so at most {result.bound} of its {result.singularValues.length} singular values
            are nonzero, and the log-probabilities after the softmax have rank ≤ d + 1 (Yang et al.
            2018).
          </p>
        </>
      ) : null}
    </section>
  );
}
