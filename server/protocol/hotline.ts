/**
 * The hotline desk: commands go through the hub (`hotline:*`), reading
 * through REST (/api/hotline). Tickets, notes, history, categories, figures.
 */
import { z } from 'zod';
import { fields, type Person, type Role } from './common';
import type { Channel } from './chat';
import type { PresenceStatus } from './presence';

/** Where a ticket stands. */
export type TicketStatus = 'open' | 'assigned' | 'resolved';

/** The contract's ticket object, plus `departmentCode`, `resolutionNote` and `reopenableUntil`. */
export interface Ticket {
  id: number;
  status: TicketStatus;
  subject: string;
  category: { id: number; name: string } | null;
  requester: Person & { departmentCode: string | null };
  assignee: Person | null;
  channelId: number;
  /** 1-based place among unassigned open tickets, `null` otherwise. */
  queuePosition: number | null;
  createdAt: string;
  firstResponseDueAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  rating: { score: number; comment: string | null; ratedAt: string | null } | null;
  departmentCode: string | null;
  /** Shown to the requester once resolved. */
  resolutionNote: string | null;
  /** The requester's last moment to reopen. */
  reopenableUntil: string | null;
}

/** An internal note (staff only): `hotline:note` and the ticket detail. */
export interface TicketNote {
  id: number;
  ticketId: number;
  author: Person;
  body: string;
  createdAt: string;
}

/** One step of a ticket's history (staff only). */
export interface TicketHistoryItem {
  id: number;
  kind: 'opened' | 'claimed' | 'transferred' | 'resolved' | 'reopened' | 'rated';
  actor: Person | null;
  target: Person | null;
  detail: string | null;
  createdAt: string;
}

/** GET /api/hotline/tickets/:id: notes and history are there for staff only. */
export interface TicketDetail {
  ticket: Ticket;
  notes?: TicketNote[];
  history?: TicketHistoryItem[];
}

/** GET /api/hotline/status. */
export interface HotlineStatus {
  available: boolean;
  firstResponseTargetHours: number;
  firstResponseDueIfOpenedNow: string;
  workingHours: { timeZone: string; days: readonly number[]; start: number; end: number };
}

/** A ticket category (GET /api/hotline/categories). */
export interface HotlineCategory {
  id: number;
  slug: string;
  name: string;
  position: number;
  archived: boolean;
}

/** GET /api/hotline/agents: the staff with their presence. */
export interface HotlineAgent extends Person {
  role: Role;
  status: PresenceStatus;
}

/** Counts and medians over a set of tickets. */
export interface FigureSummary {
  tickets: number;
  resolved: number;
  unresolved: number;
  medianFirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
  firstResponseOnTimeRate: number | null;
  averageRating: number | null;
}

/** The same for one agent, category or département. */
export type FigureGroup = FigureSummary & { id: number | string | null; label: string };

/** GET /api/hotline/figures. */
export interface HotlineFigures {
  period: { from: string; to: string };
  openTickets: number;
  waitingTickets: number;
  total: FigureSummary;
  byAgent: FigureGroup[];
  byCategory: FigureGroup[];
  byDepartment: FigureGroup[];
}

const statuses = z
  .string()
  .trim()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(['open', 'assigned', 'resolved'])).max(3));

/** GET /api/hotline/tickets query. */
export const ticketListQuerySchema = z.object({
  status: statuses.optional(),
  scope: z.enum(['all', 'unassigned', 'mine']).default('all'),
  categoryId: fields.id.optional(),
  departmentCode: fields.departmentCode.optional(),
  cursor: fields.id.optional(),
  limit: z.coerce.number<number>().int().min(1).max(200).default(50),
});
const categoryName = z.string().trim().min(2).max(80);
/** POST /api/hotline/categories. */
export const createCategorySchema = z.object({ name: categoryName, position: z.number().int().min(0).max(999).optional() }).strict();
/** PATCH /api/hotline/categories/:id. */
export const changeCategorySchema = z
  .object({ name: categoryName.optional(), position: z.number().int().min(0).max(999).optional(), archived: z.boolean().optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'Rien à modifier.');

/** True when AAAA-MM-JJ names a real day (not 2021-02-30). */
const realDay = (s: string) => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
};
const when = z.union([
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue (AAAA-MM-JJ).')
    .refine(realDay, "Ce jour n'existe pas."),
  z.iso.datetime({ offset: true, message: 'Date attendue (AAAA-MM-JJ).' }),
]);
/** GET /api/hotline/figures(.csv) query: Paris days or exact instants. */
export const figuresPeriodSchema = z.object({ from: when.optional(), to: when.optional() });

/** Query of GET /api/hotline/tickets as a client sends it. */
export type TicketListQuery = z.input<typeof ticketListQuerySchema>;
/** Body of POST /api/hotline/categories. */
export type CreateCategoryBody = z.input<typeof createCategorySchema>;
/** Body of PATCH /api/hotline/categories/:id. */
export type ChangeCategoryBody = z.input<typeof changeCategorySchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
const ticketRef = z.object({ ticketId: fields.id });

/** Client → server events of the hotline: the payload schema of each. */
export const hotlineClientSchemas = {
  'hotline:open': z.object({ subject: text(200), body: text(10_000), clientMsgId: fields.clientMsgId, categoryId: fields.id.nullish() }),
  'hotline:claim': ticketRef,
  'hotline:transfer': z.object({ ticketId: fields.id, toUserId: fields.id }),
  'hotline:resolve': z.object({ ticketId: fields.id, note: z.string().trim().max(2000).nullish() }),
  'hotline:reopen': ticketRef,
  'hotline:note': z.object({ ticketId: fields.id, body: text(5000) }),
  'hotline:rate': z.object({ ticketId: fields.id, score: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).nullish() }),
};

/** `hotline:open` once parsed (what the service receives). */
export type OpenTicketInput = z.infer<(typeof hotlineClientSchemas)['hotline:open']>;

/** What a successful ack carries beside `ok: true`, per hotline event. */
export interface HotlineAcks {
  'hotline:open': { ticket: Ticket; channel: Channel };
  'hotline:claim': { ticket: Ticket };
  'hotline:transfer': { ticket: Ticket };
  'hotline:resolve': { ticket: Ticket };
  'hotline:reopen': { ticket: Ticket };
  'hotline:note': { note: TicketNote };
  'hotline:rate': { ticket: Ticket };
}

/** Server → client events of the hotline. */
export interface HotlineServerEvents {
  /** To staff on every change; to the requester for their own. */
  'hotline:ticket': Ticket;
  /** To staff only. */
  'hotline:note': TicketNote;
  /** To the new assignee. */
  'hotline:assigned': { ticket: Ticket; by: Person };
  /** To everyone: whether any staff member is connected. */
  'hotline:availability': { available: boolean };
}

/** Error codes of the hotline. */
export const HOTLINE_ERROR_CODES = [
  'already_assigned',
  'category_exists',
  'duplicate_client_msg_id',
  'reopen_expired',
  'ticket_changed',
  'ticket_not_resolved',
  'ticket_resolved',
  'too_many_tickets',
] as const;
/** One of the hotline error codes. */
export type HotlineErrorCode = (typeof HOTLINE_ERROR_CODES)[number];
