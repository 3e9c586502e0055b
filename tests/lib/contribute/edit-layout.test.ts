// The correction form keeps a file's layout: it decides from the file's text whether to write the schema's
// comments, and whether the untouched form gives the file back exactly.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editLayout } from '../../../src/lib/contribute/edit-layout.ts';
import { renderProvider } from '../../../src/lib/provider-yaml.ts';
import { providerSchema } from '../../../src/lib/dataset/schema.ts';
import { loadVocabularies } from '../../../src/lib/validate/index.ts';
import { readFixture, vocabSources } from '../../helpers/data-dir.ts';

const schema = providerSchema(loadVocabularies(vocabSources()).vocab);
const data = parse(readFixture('providers', 'valid', 'every-field.yaml')) as Record<string, unknown>;
const withComments = renderProvider(data, schema);
const plain = renderProvider(data, schema, { comments: false });

describe('editLayout', () => {
  it('keeps the schema comments, exactly, for a file written by npm run new', () => {
    expect(editLayout(withComments, data, schema)).toEqual({ comments: true, exact: true });
  });

  it('writes no comments, exactly, for a file with none beyond the schema line', () => {
    expect(plain).not.toBe(withComments);
    expect(editLayout(plain, data, schema)).toEqual({ comments: false, exact: true });
  });

  it('reads a file saved with Windows line endings as the same file', () => {
    expect(editLayout(plain.replace(/\n/g, '\r\n'), data, schema)).toEqual({ comments: false, exact: true });
  });

  it('keeps comments, and says the file will change, when the file has comments of its own', () => {
    const own = plain.replace('\n', '\n# A note of our own\n');
    expect(editLayout(own, data, schema)).toEqual({ comments: true, exact: false });
  });

  it('writes no comments, and says the file will change, for a file in another layout without comments', () => {
    const other = `${plain}\n`;
    expect(editLayout(other, data, schema)).toEqual({ comments: false, exact: false });
  });
});
