/**
 * A small table: fixed column widths, rows as tall as their tallest cell, the header repeated
 * after a page break, and Table/TR/TH/TD structure so screen readers can navigate it.
 */
import { COLOR, PAGE, TYPE } from './theme.ts';
import { ensureSpace, fillRect, hRule, measure, write, type Ctx, type Face } from './layout.ts';

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
  /** Header colour. */
  color?: string;
  face?: Face;
}

export interface Cell {
  text: string;
  color?: string;
  bold?: boolean;
  /** Second, smaller line under the text. */
  note?: string | undefined;
  /** The note is one of Leasehold's English sentences (a check's message), not a field: left to right. */
  noteIsSentence?: boolean;
}

export type CellInput = Cell | string;

export interface TableOptions {
  size?: number;
  padY?: number;
  zebra?: boolean;
  /** false: no header row. */
  header?: boolean;
  /** Key/value tables: plain-string cells of the first column drawn as muted labels. */
  labelColumn?: boolean;
}

/** Called after each row is drawn, with the last column's left edge, for in-cell graphics. */
export type DecorateRow = (rowIndex: number, lastColX: number, y: number, rowHeight: number) => void;

const PAD_X = 4;
const HEADER_SIZE = 6.9;

export function drawTable(ctx: Ctx, columns: Column[], rows: CellInput[][], decorate?: DecorateRow, opts: TableOptions = {}): void {
  const size = opts.size ?? TYPE.body;
  const padY = opts.padY ?? 5;
  const parent = ctx.section;
  const table = ctx.doc.struct('Table');
  parent.add(table);
  const lastColX = PAGE.marginX + columns.slice(0, -1).reduce((s, c) => s + c.width, 0);

  const header = (): void => {
    const tr = ctx.doc.struct('TR');
    table.add(tr);
    ctx.section = tr;
    let x = PAGE.marginX;
    let h = 0;
    for (const col of columns) {
      h = Math.max(h, write(ctx, col.title, x + PAD_X, ctx.y, { face: 'bold', size: HEADER_SIZE, color: col.color ?? COLOR.muted, width: col.width - 2 * PAD_X, align: col.align, tag: 'TH', lineGap: 0 }));
      x += col.width;
    }
    ctx.y += h + 4;
    hRule(ctx, ctx.y, COLOR.ink);
    ctx.section = parent;
  };

  const showHeader = opts.header !== false;
  const toCells = (row: CellInput[]): Cell[] => row.map((c, i): Cell => (typeof c !== 'string' ? c : opts.labelColumn && i === 0 ? { text: c, bold: true, color: COLOR.muted } : { text: c }));
  const heightOf = (cells: Cell[]): number => Math.max(...cells.map((cell, i) => (columns[i] ? cellHeight(ctx, cell, columns[i], size) : 0)), size) + 2 * padY;
  // Keep the header with the first row: a header alone at the foot of a page helps nobody.
  const first = rows[0] ? heightOf(toCells(rows[0])) : 0;
  ensureSpace(ctx, (showHeader ? 26 : 2) + Math.min(first, 320));
  if (showHeader) header();
  else hRule(ctx, ctx.y, COLOR.rule);
  rows.forEach((row, rowIndex) => {
    const cells = toCells(row);
    const rowH = heightOf(cells);
    if (ensureSpace(ctx, rowH) && showHeader) header();
    if (opts.zebra && rowIndex % 2 === 1) fillRect(ctx, PAGE.marginX, ctx.y, lastColX + (columns.at(-1)?.width ?? 0) - PAGE.marginX, rowH, COLOR.panel);
    const tr = ctx.doc.struct('TR');
    table.add(tr);
    ctx.section = tr;
    let x = PAGE.marginX;
    cells.forEach((cell, i) => {
      const col = columns[i];
      if (!col) return;
      drawCell(ctx, cell, col, x, ctx.y + padY, size);
      x += col.width;
    });
    ctx.section = parent;
    decorate?.(rowIndex, lastColX, ctx.y, rowH);
    ctx.y += rowH;
    hRule(ctx, ctx.y, COLOR.rule);
  });
  table.end();
}

function cellHeight(ctx: Ctx, cell: Cell, col: Column, size: number): number {
  const w = col.width - 2 * PAD_X;
  let h = measure(ctx, cell.text, 0, { face: cell.bold ? 'bold' : (col.face ?? 'regular'), size, width: w, lineGap: 1 });
  if (cell.note) h += 1 + measure(ctx, cell.note, 0, { size: size - 1.2, width: w, lineGap: 1, ...(cell.noteIsSentence ? { direction: 'ltr' as const } : {}) });
  return h;
}

function drawCell(ctx: Ctx, cell: Cell, col: Column, x: number, y: number, size: number): void {
  const w = col.width - 2 * PAD_X;
  const face: Face = cell.bold ? 'bold' : (col.face ?? 'regular');
  const h = write(ctx, cell.text, x + PAD_X, y, { face, size, color: cell.color ?? COLOR.ink, width: w, align: col.align, tag: 'TD', lineGap: 1 });
  if (cell.note) write(ctx, cell.note, x + PAD_X, y + h + 1, { size: size - 1.2, color: COLOR.muted, width: w, align: col.align, tag: 'TD', lineGap: 1, ...(cell.noteIsSentence ? { direction: 'ltr' as const } : {}) });
}
