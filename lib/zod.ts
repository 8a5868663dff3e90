import { z } from 'zod';

// Messages that no schema words itself come out in French too.
z.config(z.locales.fr());

export { z };
