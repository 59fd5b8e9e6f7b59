/** "Recommander" a published resource: the same budget and rules as articles (services/publishing/recommendations.ts). */
import type { Deps } from '../../deps';
import type { UserRow } from '../../db/users';
import { accessPublishedResource } from '../../access/resources';
import { recommendContent } from '../publishing/recommendations';

export async function recommendResource(deps: Deps, sender: UserRow, id: number, email: string, message: string): Promise<void> {
  const r = await accessPublishedResource(deps.db, sender, id);
  const description = r.published_description ?? r.description;
  await recommendContent(
    deps,
    sender,
    {
      kind: 'resource',
      id: r.id,
      title: r.published_title ?? r.title,
      summary: description.length > 500 ? `${description.slice(0, 497)}…` : description,
      public: r.published_access === 'public',
      path: `/ressources/${r.id}`,
    },
    email,
    message,
  );
}
