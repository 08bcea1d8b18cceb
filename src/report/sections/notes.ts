/** Notes of the analysis in the report's language. */
import type { Note } from '../../metrics/types.js';
import type { Lang } from '../../settings/types.js';

export const say =
  (lang: Lang) =>
  (n: Note): string =>
    lang === 'zh' ? n.zh : n.message;
