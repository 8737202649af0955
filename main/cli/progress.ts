/** Scan progress on the terminal: a redrawn bar on a TTY, plain lines otherwise (logs, CI). */
import type { ScanProgress } from '../../shared/model/scan.ts';

export function progressPrinter(stream: NodeJS.WriteStream): { update(p: ScanProgress): void; end(): void } {
  const tty = stream.isTTY === true;
  let lastPercent = -1;
  let drawn = false;
  return {
    update(p) {
      const percent = p.unitsTotal > 0 ? Math.floor((p.unitsDone / p.unitsTotal) * 100) : 0;
      const where = [p.service, p.region].filter(Boolean).join(' ');
      const eta = p.etaSeconds === null ? '' : ` ETA ${p.etaSeconds}s`;
      const tail = `${p.unitsDone}/${p.unitsTotal} ${where} | calls ${p.calls} | errors ${p.errors}${eta}`;
      if (tty) {
        const width = 28;
        const filled = Math.round((percent / 100) * width);
        const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}%`;
        const line = `${bar} ${p.phase === 'evaluating' ? 'evaluating checks' : tail}`;
        stream.write(`\r${line.slice(0, (stream.columns || 100) - 1).padEnd(Math.min(stream.columns || 100, 120) - 1)}`);
        drawn = true;
      } else if (percent !== lastPercent && (percent % 10 === 0 || p.phase === 'evaluating')) {
        stream.write(`${p.phase === 'evaluating' ? 'evaluating checks' : `progress ${percent}% ${tail}`}\n`);
      }
      lastPercent = percent;
    },
    end() {
      if (tty && drawn) stream.write('\n');
    },
  };
}
