import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { storeFile } from '../../files';

/** Longest side of a chat thumbnail (CSS shows it at most 320 px wide; 2× for sharp screens would cost more than it shows). */
const THUMB_SIDE = 480;
/** Refuse to decode images past this many pixels (decompression bombs): they stay plain files. */
const MAX_PIXELS = 50_000_000;

/**
 * A WebP thumbnail of a raster image, put in the content-addressed store, with the original's size
 * as displayed (EXIF rotation applied). Made with sharp (libvips): it streams, decodes only what it
 * needs and strips metadata (GPS positions of phone photos never reach the thumbnail). Null when the
 * image cannot be decoded: the file is still sent, shown as a file.
 */
export async function makeThumbnail(
  dataDir: string,
  sourcePath: string,
): Promise<{ sha256: string; width: number; height: number } | null> {
  try {
    const image = sharp(sourcePath, { limitInputPixels: MAX_PIXELS, animated: false });
    const meta = await image.metadata();
    if (!meta.width || !meta.height) return null;
    const swap = (meta.orientation ?? 1) >= 5;
    const { data } = await image
      .rotate()
      .resize(THUMB_SIDE, THUMB_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer({ resolveWithObject: true });
    const sha256 = crypto.createHash('sha256').update(data).digest('hex');
    const tmp = path.join(dataDir, 'tmp', `thumb-${crypto.randomBytes(8).toString('hex')}`);
    await fs.mkdir(path.dirname(tmp), { recursive: true });
    await fs.writeFile(tmp, data);
    await storeFile(dataDir, tmp, sha256);
    return { sha256, width: swap ? meta.height : meta.width, height: swap ? meta.width : meta.height };
  } catch {
    return null;
  }
}
