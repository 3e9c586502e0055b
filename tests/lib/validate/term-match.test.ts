import { describe, expect, it } from 'vitest';
import { loadVocabularies } from '../../../src/lib/validate/index.ts';
import { closestSpelling, matchTerm, suggestTermId } from '../../../src/lib/validate/term-match.ts';
import { vocabSources } from '../../helpers/data-dir.ts';

const { vocab } = loadVocabularies(vocabSources());
const leaders = vocab.leaders.terms;

describe('matchTerm', () => {
  it('finds a term by its id, its label or a synonym, whatever the case', () => {
    expect(matchTerm(leaders, 'statutory')?.id).toBe('statutory');
    expect(matchTerm(leaders, 'USER-LED ORGANISATION')?.id).toBe('user-led');
    expect(matchTerm(leaders, 'Charity')?.id).toBe('voluntary-sector');
    expect(matchTerm(vocab['service-statuses'].terms, 'running')?.id).toBe('active');
  });

  it('treats spaces, hyphens and underscores alike', () => {
    expect(matchTerm(leaders, 'peer-led')?.id).toBe('peer-led-group');
    expect(matchTerm(leaders, 'peer_led group')?.id).toBe('peer-led-group');
    expect(matchTerm(vocab['verification-statuses'].terms, ' not-yet  checked ')?.id).toBe('unverified');
  });

  it('finds nothing for a word that is not a term, or for nothing at all', () => {
    expect(matchTerm(leaders, 'astronauts')).toBeUndefined();
    expect(matchTerm(leaders, '  ')).toBeUndefined();
  });
});

describe('suggestTermId', () => {
  it('prefers the term a word names over the id spelt most like it', () => {
    expect(closestSpelling('peer-led', leaders.map((t) => t.id))).toBe('user-led');
    expect(suggestTermId(leaders, 'peer-led')).toBe('peer-led-group');
  });

  it('falls back to the id spelt most like the word, and to nothing when none is close', () => {
    expect(suggestTermId(leaders, 'user-lead')).toBe('user-led');
    expect(suggestTermId(leaders, 'astronauts')).toBeUndefined();
  });
});
