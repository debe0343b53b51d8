/** An SVG document as a `data:` URL for an <img> (an image never runs scripts, unlike inline SVG). */
export const toSvgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
