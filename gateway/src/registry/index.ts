export { registrySettingsFrom, type RegistrySettings } from './env.js';
export { RegistryError } from './errors.js';
export { readLastGood } from './last-good.js';
export { openRegistry, SEED_AUTHOR } from './open.js';
export { Registry, type RegistryOptions } from './registry.js';
export { startRegistry } from './start.js';
export { CLIENT_NAME_HEADER } from './usage-plugin.js';
