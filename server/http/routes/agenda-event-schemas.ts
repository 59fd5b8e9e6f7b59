import { z } from 'zod';
import { fields } from '../../validation';

const dateTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const capacity = z.number().int().min(1).max(100_000);
const videoUrl = z.url({ protocol: /^https?$/, message: 'Adresse web (https://…) attendue.' }).max(2000);
const invite = z.object({ group: z.boolean().optional(), userIds: z.array(fields.id).max(500).optional() }).strict();

const base = {
  title: z.string().trim().min(1).max(200),
  description: fields.optionalText(10_000),
  startsAt: dateTime,
  endsAt: dateTime,
  location: fields.optionalText(300),
  videoUrl: videoUrl.nullish().transform((v) => v ?? null),
  capacity: capacity.nullish().transform((v) => v ?? null),
  waitlist: z.boolean().default(true),
  prescriptionCapacity: capacity.nullish().transform((v) => v ?? null),
  registrationDeadline: dateTime.nullish().transform((v) => v ?? null),
};

/** The bodies and queries of the calendar routes. */
export const eventSchemas = {
  range: z.object({
    from: z.preprocess((v) => (v === '' ? undefined : v), dateTime.optional()),
    to: z.preprocess((v) => (v === '' ? undefined : v), dateTime.optional()),
  }).refine((r) => !r.from || !r.to || (r.to > r.from && r.to.getTime() - r.from.getTime() <= 400 * 86_400_000), {
    message: 'Période invalide (au plus 400 jours).',
    path: ['to'],
  }),

  /** POST /api/groups/:id/events: a place or a video link is needed. */
  create: z
    .object({ ...base, invite: invite.optional() })
    .strict()
    .refine((e) => e.location || e.videoUrl, { message: 'Indiquez un lieu ou un lien de visioconférence.', path: ['location'] }),

  /** PATCH /api/events/:id: any of the fields. */
  edit: z
    .object({
      title: base.title.optional(),
      description: fields.optionalText(10_000).optional(),
      startsAt: dateTime.optional(),
      endsAt: dateTime.optional(),
      location: fields.optionalText(300).optional(),
      videoUrl: videoUrl.nullable().optional(),
      capacity: capacity.nullable().optional(),
      waitlist: z.boolean().optional(),
      prescriptionCapacity: capacity.nullable().optional(),
      registrationDeadline: dateTime.nullable().optional(),
    })
    .strict(),

  cancel: z.object({ reason: z.preprocess((v) => (v === '' ? undefined : v), fields.optionalText(1000)) }),

  invite: invite.refine((w) => w.group || w.userIds?.length, { message: 'Invitez le groupe ou au moins une personne.', path: ['userIds'] }),

  /** `{}` for myself, `{list: "prescription", name, email}` for someone I support. */
  register: z.preprocess(
    (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('list' in v) ? { ...v, list: 'member' } : v),
    z.discriminatedUnion('list', [
      z.object({ list: z.literal('member') }).strict(),
      z.object({ list: z.literal('prescription'), name: z.string().trim().min(1).max(160), email: fields.email }).strict(),
    ]),
  ),
};
