import type { Knex } from 'knex';

/** How many recommendations a member sent since `since`. */
export async function recommendationsSince(db: Knex, senderId: number, since: Date): Promise<number> {
  const row = await db('recommendations').where('sender_id', senderId).where('created_at', '>=', since).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/** The oldest of the sender's recommendations since `since` (when the budget frees up again). */
export async function oldestRecommendationSince(db: Knex, senderId: number, since: Date): Promise<Date | null> {
  const row = await db('recommendations').where('sender_id', senderId).where('created_at', '>=', since).min({ at: 'created_at' }).first();
  return row?.at ? new Date(typeof row.at === 'string' && /^\d+$/.test(row.at) ? Number(row.at) : row.at) : null;
}

/** Stores a recommendation; false when that address already got that content (the unique key decides, races included). */
export async function insertRecommendation(
  db: Knex,
  r: { kind: string; contentId: number; senderId: number; email: string },
): Promise<boolean> {
  try {
    await db('recommendations').insert({
      content_kind: r.kind,
      content_id: r.contentId,
      sender_id: r.senderId,
      email: r.email,
      created_at: new Date(),
    });
    return true;
  } catch (err) {
    if (/unique|duplicate/i.test(String(err))) return false;
    throw err;
  }
}
