import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/lib/dataset/dataset-fs.ts';
import { derivedFiles, staleDerived } from '../../../src/lib/dataset/generated-fs.ts';
import { loadVocabularies } from '../../../src/lib/validate/index.ts';
import { vocabSources } from '../../helpers/data-dir.ts';

describe('the generated files', () => {
  it('are exactly what derivedFiles() makes from data/vocab (run "npm run schema" if this fails)', async () => {
    const { vocab, problems } = loadVocabularies(vocabSources());
    expect(problems).toEqual([]);
    const files = await derivedFiles(vocab);
    expect([...files.keys()].sort()).toEqual([
      'schema/provider.schema.json',
      'schema/signatory.schema.json',
      'schema/vocabulary.schema.json',
      'src/lib/generated/data-types.ts',
    ]);
    for (const [rel, content] of files) expect(readFileSync(path.join(PROJECT_ROOT, rel), 'utf8'), rel).toBe(content);
    expect(staleDerived(files)).toEqual([]);
  });

  it('are reported as stale when the content differs', async () => {
    const files = await derivedFiles(loadVocabularies(vocabSources()).vocab);
    files.set('schema/provider.schema.json', `${files.get('schema/provider.schema.json')} `);
    expect(staleDerived(files)).toEqual(['schema/provider.schema.json']);
  });
});
