import type { RequestListener, Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';

/** The built add-in folder (dist/). */
export const DIST: string;
/** The file a URL path names under `root`, or undefined when it would leave `root`. */
export function filePath(root: string, urlPath: string): string | undefined;
/** A request handler serving the files under `root` (GET and HEAD only). */
export function staticHandler(root: string): RequestListener;
/** A server for the files under `root`: https with `tls`, plain http without. Not listening yet. */
export function createStaticServer(options?: { root?: string; tls?: { key: Buffer; cert: Buffer; ca?: Buffer } }): HttpServer | HttpsServer;
