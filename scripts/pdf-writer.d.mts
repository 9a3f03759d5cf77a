export interface Text {
  text: string;
  /** Left edge and top edge in points, from the page's top-left corner. */
  x: number;
  y: number;
  size?: number;
  /** Counter-clockwise quarter turns in degrees; (x, y) is then where the baseline starts. */
  rotate?: 0 | 90 | 180 | 270;
}

export interface PageSpec {
  texts: Text[];
  width?: number;
  height?: number;
  /** The page's /Rotate: how viewers turn it (clockwise). */
  rotate?: 0 | 90 | 180 | 270;
}

export function buildPdf(pages: PageSpec[], opts?: { encrypted?: boolean }): Buffer;
