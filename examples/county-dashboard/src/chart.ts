/** One village's bar: its name and its poverty incidence (a ratio, 0.2171 is 21.71 %). */
export interface VillageBar {
  code: string;
  name: string;
  incidence: number | null;
}

const SVG = 'http://www.w3.org/2000/svg';
const ROW = 18;
const LABEL = 120;
const WIDTH = 640;

function svg<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

export const percent = (ratio: number) => `${(ratio * 100).toFixed(2)}%`;

/**
 * A horizontal bar chart in plain SVG, villages from the highest incidence down; villages whose
 * figure is withheld (`null`, too few people to publish) are listed last without a bar.
 */
export function renderIncidenceChart(container: HTMLElement, villages: readonly VillageBar[]): void {
  const sorted = [...villages].sort((a, b) => (b.incidence ?? -1) - (a.incidence ?? -1));
  const highest = Math.max(0.0001, ...sorted.map((village) => village.incidence ?? 0));
  const chart = svg('svg', { width: WIDTH, height: sorted.length * ROW + 4, role: 'img', 'aria-label': '各村贫困发生率 Poverty incidence by village' });
  sorted.forEach((village, i) => {
    const y = i * ROW;
    const row = svg('g', { 'data-village': village.code });
    row.append(svg('text', { x: LABEL - 6, y: y + 13, 'text-anchor': 'end' }, village.name));
    if (village.incidence !== null) {
      const length = Math.max(1, (village.incidence / highest) * (WIDTH - LABEL - 70));
      const bar = svg('rect', { class: village.incidence >= 0.03 ? 'bar high' : 'bar', x: LABEL, y: y + 2, width: length.toFixed(1), height: ROW - 5 });
      bar.append(svg('title', {}, `${village.name} ${percent(village.incidence)}`));
      row.append(bar, svg('text', { x: LABEL + length + 4, y: y + 13, class: 'value' }, percent(village.incidence)));
    } else {
      row.append(svg('text', { x: LABEL, y: y + 13, class: 'value' }, '— 不公布 withheld'));
    }
    chart.append(row);
  });
  container.replaceChildren(chart);
}
