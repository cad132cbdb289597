/** Types of scripts/manifest-url.js (plain CommonJS, because webpack.office.config.js requires it). */

export declare const DEV_ORIGIN: string;

export declare function parsePublicUrl(text: string): { base: string; origin: string };

export declare function rewriteManifest(manifest: string, publicUrl: string): string;

export declare function requestedUrl(
  env: Record<string, unknown> | undefined,
  vars: Record<string, string | undefined>,
): string | null;
