import { scopedLoaderByCode } from '../kernel/scoped-loader.js';
import { FundSchema } from './fund.entity.js';

/** Funds by id, within the caller's scope by managing area (others load as null). */
export const fundLoader = scopedLoaderByCode(FundSchema, 'id', 'areaCode');
