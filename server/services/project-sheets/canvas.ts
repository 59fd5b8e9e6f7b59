/**
 * The canvas of a sheet: nine blocks of post-its the creator adds, edits,
 * moves between blocks and reorders. Each block's positions are rewritten
 * 0..n-1 inside one transaction, so the order stays dense whatever happens.
 */
import type { Knex } from 'knex';
import { notFound, ruleViolated } from '../../errors';
import { blockOrder, deletePostit, findPostit, insertPostit, postitsOfSheet, updatePostit, writeBlockOrder } from '../../db/canvas-postits';
import { touchSheet } from '../../db/project-sheets';
import { presentPostit } from '../../presenters/project-sheets';
import type { Canvas } from '../../protocol/project-sheets';

/** At most this many post-its on one canvas. */
export const MAX_POSTITS = 300;

export async function canvasOf(db: Knex, sheetId: number): Promise<Canvas> {
  return { sheetId, postits: (await postitsOfSheet(db, sheetId)).map(presentPostit) };
}

/** Adds a post-it at the end of its block. */
export async function addPostit(db: Knex, sheetId: number, p: { block: string; text: string; color: string }): Promise<number> {
  return db.transaction(async (trx) => {
    const all = await postitsOfSheet(trx, sheetId);
    if (all.length >= MAX_POSTITS) throw ruleViolated('canvas_full', `Le canevas compte déjà ${MAX_POSTITS} post-its.`);
    const order = await blockOrder(trx, sheetId, p.block);
    const row = await insertPostit(trx, { sheetId, block: p.block, text: p.text, color: p.color, position: order.length });
    await touchSheet(trx, sheetId);
    return Number(row.id);
  });
}

export async function editPostit(db: Knex, sheetId: number, id: number, changes: { text?: string; color?: string }): Promise<void> {
  if (!(await findPostit(db, sheetId, id))) throw notFound('Post-it');
  await updatePostit(db, id, changes);
  await touchSheet(db, sheetId);
}

/** Moves a post-it to `position` in `block` (its own block: a reorder); past the end means last. */
export async function movePostit(db: Knex, sheetId: number, id: number, to: { block: string; position: number }): Promise<void> {
  await db.transaction(async (trx) => {
    const postit = await findPostit(trx, sheetId, id);
    if (!postit) throw notFound('Post-it');
    const from = (await blockOrder(trx, sheetId, postit.block)).filter((x) => x !== id);
    const target = to.block === postit.block ? from : (await blockOrder(trx, sheetId, to.block)).filter((x) => x !== id);
    target.splice(Math.min(to.position, target.length), 0, id);
    if (to.block !== postit.block) await writeBlockOrder(trx, sheetId, postit.block, from);
    await writeBlockOrder(trx, sheetId, to.block, target);
    await touchSheet(trx, sheetId);
  });
}

export async function removePostit(db: Knex, sheetId: number, id: number): Promise<void> {
  await db.transaction(async (trx) => {
    const postit = await findPostit(trx, sheetId, id);
    if (!postit) throw notFound('Post-it');
    await deletePostit(trx, id);
    await writeBlockOrder(
      trx,
      sheetId,
      postit.block,
      (await blockOrder(trx, sheetId, postit.block)).filter((x) => x !== id),
    );
    await touchSheet(trx, sheetId);
  });
}
