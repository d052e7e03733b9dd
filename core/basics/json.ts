/** JSON values: what goes into run.json, metrics.jsonl, best.json and the stream. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
