/**
 * camelCase option keys as the `--kebab-case` flags users type, and back. Shared by the
 * CLI, which makes the flags, and the config, whose errors name them.
 */
export const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
