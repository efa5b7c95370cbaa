import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Where the browser tests leave their screenshots and the figures they measured, linked from the README. */
export const screenshotDir = 'web/screenshots';
const figuresFile = `${screenshotDir}/figures.json`;

export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return `${screenshotDir}/${name}.png`;
}

/** Records one measured figure beside the others, keeping those other tests wrote. */
export function recordFigure(name: string, value: number, unit: string) {
  mkdirSync(screenshotDir, { recursive: true });
  let figures: Record<string, { value: number; unit: string; measuredAt: string }> = {};
  try {
    figures = JSON.parse(readFileSync(figuresFile, 'utf8'));
  } catch {
    // No figures yet.
  }
  figures[name] = { value, unit, measuredAt: new Date().toISOString() };
  writeFileSync(figuresFile, `${JSON.stringify(figures, null, 2)}\n`);
}
