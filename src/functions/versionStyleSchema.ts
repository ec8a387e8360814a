import { DEFAULT_VERSION_STYLE, VERSION_STYLES } from '../openapi/versioning.js';

/** JSON Schema for the `style` option: where the API carries its version. */
export const versionStyleSchema: { type: 'string'; enum: string[]; default: string } = { type: 'string', enum: [...VERSION_STYLES], default: DEFAULT_VERSION_STYLE };
