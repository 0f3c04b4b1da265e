// The zod schema of the learned code titles, for reading them back from the store. Kept apart from
// learned-titles.ts so the dashboard can explain codes without bundling zod.

import { z } from 'zod';
import type { LearnedTitles } from './learned-titles';

export const LearnedTitleSchema = z.object({ en: z.string().min(1), es: z.string().min(1).optional() });
export const LearnedTitlesSchema = z.record(z.string(), LearnedTitleSchema) satisfies z.ZodType<LearnedTitles>;
