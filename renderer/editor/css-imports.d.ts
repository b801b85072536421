// Runs in: type-check only. Lets TypeScript accept the side-effect stylesheet imports Vite bundles.
declare module '*.css';
