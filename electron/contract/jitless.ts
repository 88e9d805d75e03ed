// Imported first by the renderer (renderer/src/main.tsx), before any schema is built. Zod compiles object parsers
// with `new Function` and, to know whether it may, probes eval when the first object schema is built. The app's
// Content-Security-Policy forbids eval (no 'unsafe-eval'), so the probe logged a CSP violation on every page load
// even though zod swallowed the error. Jitless mode skips both the probe and the compilation; the renderer parses
// little, so it loses nothing it would notice. The Node hosts keep the compiled parsers.
import { z } from 'zod';

z.config({ jitless: true });
