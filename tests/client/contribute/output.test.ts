import { describe, expect, test } from 'vitest';
import { fileStatus, sendWays } from '../../../src/client/contribute/output.ts';
import { URL_LIMIT } from '../../../src/client/contribute/send.ts';

describe('the file and the ways to send it', () => {
  test('the status says loading, ready, or how many things are left to fix', () => {
    expect(fileStatus(false, false, false, 0)).toBe('Loading the checks…');
    expect(fileStatus(true, true, false, 0)).toBe('The file is ready.');
    expect(fileStatus(true, true, true, 0)).toBe('The corrected file is ready.');
    expect(fileStatus(true, false, false, 1)).toBe('The file is not ready yet: there is 1 thing to fix in the form. Choose “Check the answers” to see them all.');
    expect(fileStatus(true, false, false, 3)).toContain('there are 3 things to fix');
  });

  test('a new file goes to GitHub filled in when its address fits, else by copying; a correction by editing', () => {
    expect(sendWays(true, false, URL_LIMIT)).toEqual({ github: true, copy: false, edit: false });
    expect(sendWays(true, false, URL_LIMIT + 1)).toEqual({ github: false, copy: true, edit: false });
    expect(sendWays(true, true, 10)).toEqual({ github: false, copy: false, edit: true });
    expect(sendWays(false, false, 10)).toEqual({ github: false, copy: false, edit: false });
  });
});
