/**
 * The flow contract shared by the designer, the server and stored flows. Imports zod only, so it is
 * safe to bundle for the browser.
 */
export * from './common.js';
export * from './nodes.js';
export * from './flow.js';
export * from './bot.js';
export * from './describeHours.js';
export * from './handles.js';
export * from './inbound.js';
export * from './effects.js';
export * from './issues.js';
export * from './migrate.js';
export * from './whatsappLimits.js';
