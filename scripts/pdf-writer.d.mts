export interface Text {
  text: string;
  /** Left edge and top edge in points, from the page's top-left corner. */
  x: number;
  y: number;
  size?: number;
}

export interface PageSpec {
  texts: Text[];
  width?: number;
  height?: number;
}

export function buildPdf(pages: PageSpec[], opts?: { encrypted?: boolean }): Buffer;
