/** Parts of a message under its text: files, reactions, the thread's summary. Pure templates. */
import { html, nothing } from 'lit';
import type { MessageFile, ReactionSummary, ThreadSummary } from '../../api/chat.js';
import { fileKindLabel, fileSizeLabel } from './file-labels.js';
import { openImageViewer } from './image-viewer.js';
import { timeLabel } from './format.js';

/** Images as thumbnails that open the viewer; other files as a card: name, kind, size, download. */
export function filesPart(files: MessageFile[]) {
  if (!files.length) return nothing;
  return html`<ul class="mai-msg__files" aria-label="Fichiers joints">
    ${files.map((f) =>
      f.thumbnailUrl
        ? html`<li class="mai-msg__file mai-msg__file--image">
            <button type="button" class="mai-msg__thumb" aria-label=${`Agrandir l’image ${f.filename}`} @click=${() => void openImageViewer(f)}>
              <img src=${f.thumbnailUrl} alt=${f.filename} loading="lazy" width=${thumbSize(f).width} height=${thumbSize(f).height} />
            </button>
          </li>`
        : html`<li class="mai-msg__file">
            <span class="fr-icon-file-line mai-msg__file-icon" aria-hidden="true"></span>
            <span class="mai-msg__file-text">
              <a class="fr-link" href=${f.downloadUrl} download=${f.filename}>${f.filename}</a>
              <span class="fr-text--xs mai-muted">${fileKindLabel(f.mimeType)} · ${fileSizeLabel(f.size)}</span>
            </span>
          </li>`,
    )}
  </ul>`;
}

/** The box a thumbnail takes (at most 320 × 240), so the list does not jump when it loads. */
function thumbSize(f: MessageFile): { width: number; height: number } {
  if (!f.width || !f.height) return { width: 240, height: 180 };
  const scale = Math.min(1, 320 / f.width, 240 / f.height);
  return { width: Math.round(f.width * scale), height: Math.round(f.height * scale) };
}

/** "Ann Lefort, Ben Roux et 3 autres". */
export function whoReacted(r: ReactionSummary): string {
  const names = r.users.map((u) => u.displayName);
  const more = r.count - names.length;
  if (more > 0) return `${names.join(', ')} et ${more} autre${more > 1 ? 's' : ''}`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} et ${names.at(-1)}` : (names[0] ?? '');
}

/**
 * One toggle button per emoji with its count; who reacted shows on hover and on focus (a tooltip tied
 * by aria-describedby, so screen readers hear it too). `react` gets the emoji and the wanted state.
 */
export function reactionsPart(
  messageId: number,
  reactions: ReactionSummary[],
  myId: number | null,
  react: (emoji: string, on: boolean) => void,
) {
  if (!reactions.length) return nothing;
  return html`<ul class="mai-reactions" aria-label="Réactions">
    ${reactions.map((r, i) => {
      const mine = myId !== null && r.users.some((u) => u.id === myId);
      const tip = `mai-react-${messageId}-${i}`;
      return html`<li class="mai-reactions__item">
        <button type="button" class="mai-reaction ${mine ? 'mai-reaction--mine' : ''}" aria-pressed=${mine ? 'true' : 'false'}
          aria-describedby=${tip} @click=${() => react(r.emoji, !mine)}>
          <span aria-hidden="true">${r.emoji}</span><span class="fr-sr-only">Réaction ${r.emoji},</span> ${r.count}
        </button>
        <span role="tooltip" id=${tip} class="mai-reaction__who">${whoReacted(r)} ${r.count > 1 ? 'ont' : 'a'} réagi ${r.emoji}</span>
      </li>`;
    })}
  </ul>`;
}

/** Under a thread's root: "3 réponses · Ann, Ben · dernière à 14:05", a button that opens the thread. */
export function threadPart(thread: ThreadSummary | null, open: () => void) {
  if (!thread || !thread.replyCount) return nothing;
  const n = thread.replyCount;
  return html`<button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-discuss-line fr-btn--icon-left mai-msg__thread"
    @click=${open}>
    ${n} réponse${n > 1 ? 's' : ''} · ${thread.lastRepliers.map((p) => p.displayName).join(', ')} · dernière à ${timeLabel(thread.lastReplyAt)}
  </button>`;
}
