/// <reference types="vite/client" />
// Build-time constants (viewer/vite.web.config.ts defines them): the versions run.json records.
declare const __REDQUEEN_VERSION__: string;
declare const __GPUJS_VERSION__: string;
