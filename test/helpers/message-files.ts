/** Chat files in tests: an image worth a thumbnail, and the upload call. */
import sharp from 'sharp';
import { api } from './http';
import { fileForm } from './uploads';

/** A 900×600 PNG (a real photo-sized image, so the thumbnail is really smaller). */
export function photo(color = { r: 200, g: 80, b: 40 }): Promise<Buffer> {
  return sharp({ create: { width: 900, height: 600, channels: 3, background: color } })
    .png()
    .toBuffer();
}

/** POST /api/channels/:id/files with one file. */
export function uploadToChannel(url: string, token: string, channelId: number, bytes: Buffer, name: string) {
  return api(url, { token }).post(`/api/channels/${channelId}/files`, fileForm(bytes, name));
}
