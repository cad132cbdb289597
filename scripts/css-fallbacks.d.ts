export function withCssFallbacks(css: string): string;
