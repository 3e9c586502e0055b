// On the "page not found" page: if the address differs from a real page only by letter case, a missing
// trailing slash or a full stop at its end (a short link typed from a poster), go to that page instead.
// Static hosts cannot redirect by rule, so this is the one way /P/MindOut reaches /p/mindout/ everywhere.
import { likelyPath } from '../lib/site-url.ts';

export async function findLikelyPage(): Promise<void> {
  const target = likelyPath(location.pathname, import.meta.env.BASE_URL);
  if (!target) return;
  try {
    // Only go where a page is: a mistyped address that matches nothing keeps showing this page.
    const answer = await fetch(target, { method: 'HEAD', redirect: 'follow' });
    if (answer.ok) location.replace(`${target}${location.search}${location.hash}`);
  } catch {
    // Offline or refused: this page already says what to do.
  }
}
