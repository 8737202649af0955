/**
 * An accessibility audit of our own, run inside the page: WCAG 2.x contrast of every visible text
 * against the background it is painted on (semi-transparent layers composited), and an accessible
 * name for every form control and button. Used by accessibility.test.ts on each main screen.
 */
import type { Page } from 'playwright-core';

// The page's globals, for the two functions below that run in the browser. Declared for this file
// only: the Node project compiles without the DOM library.
interface DomStyle {
  backgroundColor: string;
  backgroundImage: string;
  color: string;
  colorScheme: string;
  fontSize: string;
  fontWeight: string;
  opacity: string;
  visibility: string;
}
interface DomElement {
  tagName: string;
  className: unknown;
  parentElement: DomElement | null;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }> & Iterable<{ nodeType: number; textContent: string | null }>;
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): DomElement | null;
  getBoundingClientRect(): { width: number; height: number };
}
declare const document: {
  body: DomElement & { querySelectorAll(selector: string): Iterable<DomElement> };
  documentElement: DomElement;
  querySelectorAll(selector: string): Iterable<DomElement>;
  getElementById(id: string): DomElement | null;
};
declare const Node: { TEXT_NODE: number };
declare function getComputedStyle(el: DomElement): DomStyle;

export interface ContrastFailure {
  text: string;
  selector: string;
  ratio: number;
  required: number;
  color: string;
  background: string;
}

export interface ContrastReport {
  checked: number;
  failures: ContrastFailure[];
  /** Colours the audit could not parse (it skips those elements rather than guess). */
  unparsed: string[];
}

/** Runs in the browser: everything it needs is defined inside. */
function auditContrast(): ContrastReport {
  type Rgba = [number, number, number, number];
  const unparsed = new Set<string>();
  const parse = (value: string): Rgba | null => {
    const rgb = /^rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+%?))?\)$/.exec(value);
    if (rgb) {
      const a = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? Number.parseFloat(rgb[4]) / 100 : Number(rgb[4]);
      return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), a];
    }
    const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(value);
    if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
    unparsed.add(value);
    return null;
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const luminance = ([r, g, b]: Rgba): number => {
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a: Rgba, b: Rgba): number => {
    const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m) as [number, number];
    return (x + 0.05) / (y + 0.05);
  };
  /** The colour behind an element: its own and its ancestors' backgrounds, composited down to the canvas. */
  const backdrop = (el: DomElement): Rgba | null => {
    const layers: Rgba[] = [];
    for (let node: DomElement | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== 'none') return null;
      const bg = parse(style.backgroundColor);
      if (!bg) return null;
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let color: Rgba = [255, 255, 255, 1];
    if (layers.at(-1)?.[3] !== 1) {
      // Nothing opaque: the canvas, which follows the root's color-scheme.
      color = getComputedStyle(document.documentElement).colorScheme.includes('dark') ? [18, 18, 18, 1] : [255, 255, 255, 1];
    }
    for (const layer of layers.reverse()) color = over(layer, color);
    return color;
  };
  const describe = (el: DomElement): string => {
    const id = el.getAttribute('data-testid');
    const cls = typeof el.className === 'string' ? el.className.split(' ').filter(Boolean).slice(0, 2).join('.') : '';
    return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${id ? `[data-testid=${id}]` : ''}`;
  };

  const failures: ContrastFailure[] = [];
  let checked = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const ownText = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
    if (!ownText || el.closest('svg, .visually-hidden, [hidden], dialog:not([open]), :disabled, [aria-disabled="true"]')) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible') continue;
    let opacity = 1;
    for (let node: DomElement | null = el; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
    const fg = parse(style.color);
    const bg = backdrop(el);
    if (!fg || !bg || fg[3] === 0 || opacity === 0) continue;
    const text: Rgba = over([fg[0], fg[1], fg[2], fg[3] * opacity], bg);
    const size = Number.parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const required = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
    const r = ratio(text, bg);
    checked++;
    if (r < required) {
      failures.push({ text: ownText.slice(0, 60), selector: describe(el), ratio: Math.round(r * 100) / 100, required, color: style.color, background: `rgb(${bg.slice(0, 3).map(Math.round).join(' ')})` });
    }
  }
  return { checked, failures, unparsed: [...unparsed] };
}

export function contrastAudit(page: Page): Promise<ContrastReport> {
  return page.evaluate(auditContrast);
}

/** Runs in the browser: controls a screen reader could not name. */
function auditNames(): string[] {
  const missing: string[] = [];
  for (const el of document.querySelectorAll('button, input, select, textarea, a[href], [role="grid"], summary')) {
    if (el.closest('[aria-hidden="true"], dialog:not([open]), [hidden]') || el.getAttribute('type') === 'hidden') continue;
    const labelled = el.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent?.trim()).join(' ').trim();
    const labels = [...((el as { labels?: Iterable<DomElement> | null }).labels ?? [])].map((l) => l.textContent?.trim()).join(' ').trim();
    const name = el.getAttribute('aria-label')?.trim() || labelled || labels || el.getAttribute('title')?.trim() || (el.tagName === 'INPUT' ? '' : el.textContent?.trim());
    if (!name) missing.push(`${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}`);
  }
  return missing;
}

export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(auditNames);
}
