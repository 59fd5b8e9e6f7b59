/**
 * "Télécharger mes données" (RGPD, right of access and portability): a zip
 * with one JSON file per kind of data about the person, and the files they
 * uploaded (avatar, documents, attachments), streamed as it is built.
 */
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { ZipArchive } from 'archiver';
import type { Deps } from '../../deps';
import type { UserRow } from '../../db/users';
import { storedPath } from '../../files';
import { personalDataRows, type PersonalFile } from '../../db/personal-data';

/** A name safe inside the zip: no folders, no control characters. */
const safeName = (name: string) => name.replace(/[\\/\x00-\x1f]/g, '_').slice(0, 150) || 'fichier';

/** Starts building the person's zip; the stream can go straight into the HTTP answer. */
export async function streamPersonalDataZip(deps: Pick<Deps, 'db' | 'config' | 'log'>, user: UserRow): Promise<PassThrough> {
  const { kinds, files } = await personalDataRows(deps.db, user);
  const out = new PassThrough();
  const zip = new ZipArchive({ zlib: { level: 6 } });
  zip.on('warning', (err) => deps.log.warn({ err }, 'personal data export'));
  zip.on('error', (err) => out.destroy(err));
  zip.pipe(out);
  const readme = [
    'Vos données personnelles sur Maillage',
    `Export du ${new Date().toISOString()} pour ${user.email}.`,
    '',
    'Un fichier JSON par type de données (profil, sessions, messages, publications, commentaires,',
    'réactions, adhésions, notifications, demandes à la hotline, inscriptions aux événements, documents,',
    'organisation, demandes d’accès d’organisation, type de compte, articles, recommandations envoyées,',
    'page et rendez-vous, favoris, changements d’adresse, fils suivis, appareils notifiés),',
    'et dans fichiers/ les fichiers que vous avez déposés (documents, photo de profil, images d’articles).',
  ].join('\n');
  zip.append(readme, { name: 'LISEZ-MOI.txt' });
  for (const [kind, rows] of Object.entries(kinds)) zip.append(JSON.stringify(rows, null, 2), { name: `${kind}.json` });
  const seen = new Set<string>();
  for (const f of files as PersonalFile[]) {
    const file = storedPath(deps.config.dataDir, f.sha256);
    let name = `fichiers/${safeName(f.name)}`;
    if (seen.has(name)) name = `fichiers/${f.sha256.slice(0, 8)}-${safeName(f.name)}`;
    seen.add(name);
    if (fs.existsSync(file)) zip.file(file, { name });
  }
  void zip.finalize();
  return out;
}
