// Entry of vendor/markdown.js: the chat's Markdown parser and the sanitiser its HTML goes through.
export { default as MarkdownIt } from "markdown-it";
export { default as DOMPurify } from "dompurify";
