import { request } from './http';
import { MetaSchema, type Meta } from './schemas';

export const fetchMeta = (): Promise<Meta> => request('/api/meta', { schema: MetaSchema });
