/** Articles as a moderated kind (the author is notified of each decision). */
import { decideArticle, findArticle, submittedArticles } from '../../db/articles';
import { categoriesOf } from '../../db/article-categories';
import { presentArticleForModeration } from '../../presenters/publishing';
import { publishedImage } from './articles';
import { moderatedKindOf } from './moderated-content';

export const articleKind = moderatedKindOf({
  kind: 'article',
  find: findArticle,
  authorOf: (a) => a.author_id,
  publishedColumns: (a, now) => ({
    published_title: a.title,
    published_summary: a.summary,
    published_body: a.body,
    published_access: a.access,
    ...publishedImage(a),
    published_at: now,
  }),
  write: decideArticle,
  async submitted(db, groups) {
    const rows = await submittedArticles(db, groups);
    const cats = await categoriesOf(
      db,
      rows.map((a) => a.id),
    );
    return rows.map((a) => presentArticleForModeration(a, cats.get(a.id)));
  },
});
