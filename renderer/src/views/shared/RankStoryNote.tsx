// The one sentence every surface shows when a matrix has two honest ranks: the exact rank of the
// entries as written and the numerical rank under the tolerance (core/rank/rank-story.ts).
import type { RankStory } from '../../../../core/rank/rank-story';

export function RankStoryNote({
  story,
  primaryExact,
}: {
  story: RankStory;
  primaryExact: boolean;
}) {
  return (
    <div className="rank-story" role="note" data-testid="rank-story">
      <strong>
        Two ranks: {story.numericalRank} as floating numbers, {story.exactRank} as written
      </strong>
      <span className="rank-story-shown">
        {primaryExact ? ' (shown: as written). ' : ' (shown: as floating numbers). '}
      </span>
      <span data-testid="rank-story-sentence">{story.sentence}</span>
    </div>
  );
}
