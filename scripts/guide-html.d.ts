/** Types of scripts/guide-html.js (plain CommonJS, because webpack.office.config.js requires it). */

export declare const PAGES: Record<string, string>;

export declare function helpPage(markdown: string): string;

export declare function markdownToHtml(markdown: string): string;

export declare function slug(text: string): string;
