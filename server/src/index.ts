export { startSwitchboard, type Switchboard, type SwitchboardOptions } from './createSwitchboard.js';
export { parseConfig, type Config } from './config.js';
export { createLogger } from './logger.js';
