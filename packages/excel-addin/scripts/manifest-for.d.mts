export const DEV_BASE_URL: string;
export const MANIFEST: string;
/** The manifest with every dev-server URL moved under `baseUrl` (https only). */
export function manifestFor(xml: string, baseUrl: string): string;
