/**
 * zod compiles object parsers with `new Function` when it may; the page's
 * Content-Security-Policy forbids that, so turn it off before any schema is
 * built (this module is imported first, ahead of the protocol module).
 */
import { z } from 'zod';

z.config({ jitless: true });
