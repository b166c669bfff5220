export const ICON_SIZES: readonly number[];
/** Encodes RGBA pixels (width × height × 4 bytes, row-major) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
/** The icon of one size as PNG bytes. */
export function iconPng(size: number): Buffer;
/** Where the icon of one size is committed (public/icons). */
export function iconPath(size: number): URL;
