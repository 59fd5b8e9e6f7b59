/**
 * <mai-bar-chart>: a chart read at a glance, with the table of its numbers
 * beside it. Drawn by hand (CSS bars, SVG columns) rather than with @gouvfr/dsfr-chart: that
 * package is Vue 3 + Chart.js web components (≈ 740 kB unminified) drawing on
 * a canvas, which a screen reader cannot read and which would triple this
 * client's bundle for a few bars. The SVG is decorative (aria-hidden); the
 * table is what assistive technologies read. A masked count (null) reads "< 5"
 * and draws no bar.
 */
import { LitElement, html, svg } from 'lit';

/** One bar. */
export interface Bar {
  label: string;
  count: number | null;
}

/** How a count is written: French thousands, "< 5" when masked. */
export const formatCount = (n: number | null) => (n === null ? '< 5' : n.toLocaleString('fr-FR'));

export class MaiBarChart extends LitElement {
  static properties = {
    caption: { type: String },
    bars: { attribute: false },
    unit: { type: String },
    vertical: { type: Boolean },
  };
  caption = '';
  bars: Bar[] = [];
  unit = 'Nombre';
  /** Columns (a trend over time) instead of rows of bars. */
  vertical = false;

  createRenderRoot() {
    return this;
  }

  private horizontal(max: number) {
    return html`<ol class="mai-chart__rows" aria-hidden="true">
      ${this.bars.map(
        (b) => html`<li>
          <span class="mai-chart__label">${b.label}</span>
          <span class="mai-chart__track"><span class="mai-chart__fill ${b.count === null ? 'mai-chart__fill--masked' : ''}" style="width: ${b.count ? Math.max(1, (b.count / max) * 100) : 0}%"></span></span>
          <b class="mai-chart__value">${formatCount(b.count)}</b>
        </li>`,
      )}
    </ol>`;
  }

  private columns(max: number) {
    const w = 100 / Math.max(1, this.bars.length);
    return svg`<svg class="mai-chart__svg mai-chart__svg--columns" viewBox="0 0 100 60" preserveAspectRatio="none" width="100%" height="160" aria-hidden="true" focusable="false">
      ${this.bars.map((b, i) => {
        const hh = b.count ? Math.max(0.5, (b.count / max) * 58) : 0;
        return svg`<rect x=${i * w + w * 0.15} y=${60 - hh} width=${w * 0.7} height=${hh} class="mai-chart__bar"></rect>`;
      })}
    </svg>`;
  }

  render() {
    const max = Math.max(1, ...this.bars.map((b) => b.count ?? 0));
    return html`<figure class="mai-chart" role="group" aria-label=${this.caption}>
      <figcaption class="fr-h6 fr-mb-1w">${this.caption}</figcaption>
      ${
        this.bars.length
          ? html`<div class="mai-chart__body">
            <div class="mai-chart__graphic ${this.vertical ? 'mai-chart__graphic--columns' : ''}">${this.vertical ? this.columns(max) : this.horizontal(max)}</div>
            <div class="fr-table fr-table--sm fr-table--no-caption mai-chart__table">
              <!-- Focusable: DSFR tables scroll sideways on a phone, and keyboard users must reach that scroll. -->
              <table tabindex="0">
                <caption>${this.caption}</caption>
                <thead><tr><th scope="col">${this.vertical ? 'Période' : 'Catégorie'}</th><th scope="col">${this.unit}</th></tr></thead>
                <tbody>${this.bars.map((b) => html`<tr><th scope="row">${b.label}</th><td>${formatCount(b.count)}</td></tr>`)}</tbody>
              </table>
            </div>
          </div>`
          : html`<p class="mai-muted">Aucune donnée sur la période.</p>`
      }
    </figure>`;
  }
}

customElements.define('mai-bar-chart', MaiBarChart);
