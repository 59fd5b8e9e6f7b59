/**
 * The app's icons, drawn at build time as PNG (no image tool needed): a white mesh — four nodes joined
 * by lines, the "maillage" — on the State's blue. `maskable` keeps the drawing inside the safe zone.
 */
import { deflateSync } from 'node:zlib';

const BLUE = [0x00, 0x00, 0x91];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Distance from point p to segment ab. */
function toSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** A square PNG icon of `size` pixels. */
export function iconPng(size: number, maskable = false): Buffer {
  // Nodes of the mesh, in a unit square; the maskable icon keeps them within the central 60 %.
  const k = maskable ? 0.6 : 0.8;
  const o = (1 - k) / 2;
  const nodes = [
    [0.2, 0.3],
    [0.75, 0.2],
    [0.8, 0.75],
    [0.3, 0.8],
  ].map(([x, y]) => [o + x! * k, o + y! * k] as const);
  const links = [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 0],
    [0, 2],
  ] as const;
  const stroke = 0.035 * k * 1.25;
  const dot = 0.085 * k * 1.25;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const px = (x + 0.5) / size;
      const py = (y + 0.5) / size;
      const onNode = nodes.some(([nx, ny]) => Math.hypot(px - nx, py - ny) <= dot);
      const onLink = links.some(([a, b]) => toSegment(px, py, nodes[a]![0], nodes[a]![1], nodes[b]![0], nodes[b]![1]) <= stroke);
      const c = onNode || onLink ? WHITE : BLUE;
      row.set(c, 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The web app manifest (installable: name, start URL, standalone display, 192 and 512 px icons). */
export const MANIFEST = {
  name: 'Maillage',
  short_name: 'Maillage',
  description: 'L’espace de travail des réseaux professionnels du service public.',
  lang: 'fr',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#000091',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
